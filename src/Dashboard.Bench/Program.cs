using Dashboard.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var datasetName = options.Format;
Console.Error.WriteLine($"{options.Task} on {datasetName} ({options.Data}), {Environment.ProcessorCount} cores, load average {LoadAverage.Now}");
var rows = options.Task switch
{
    "rating" => options.TuneOnValidation ? ValidatedRatingTask.Run(options, datasetName) : RatingTask.Run(options, datasetName),
    "topn" => options.TuneOnValidation ? ValidatedTopNTask.Run(options, datasetName) : TopNTask.Run(options, datasetName),
    "import" => await ImportTask.RunAsync(options),
    "train" => await TrainTask.RunAsync(options),
    "consent-gate" => await ConsentGateTask.RunAsync(options),
    "write-fairness" => await WriteFairnessTask.RunAsync(options),
    "serving-engine" => ServingEngineTask.Run(options),
    "k-anonymity" => await KAnonymityTask.RunAsync(options),
    "fairness-audit" => FairnessAuditTask.Run(options),
    "audit-snapshot" => AuditSnapshotTask.Run(options),
    "erase" => await EraseTask.RunAsync(options),
    "segment-size" => await SegmentSizeTask.RunAsync(options),
    "campaign-export" => await CampaignExportTask.RunAsync(options),
    _ => ScaleTask.Run(options),
};

Console.WriteLine(ResultWriter.ToMarkdown(rows));
if (options.Json is not null)
{
    ResultWriter.WriteJson(options.Json, rows);
}

return 0;
