using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Dashboard.Application.Jobs;

/// <summary>The one JSON form of job parameters, written when a run is queued and read when it runs.</summary>
public static class JobParameters
{
    public static string Write<TParameters>(TParameters parameters)
        where TParameters : IJobParameters => JsonSerializer.Serialize(parameters);

    /// <summary>Reads and validates (data annotations) the parameters of a run; throws <see cref="ValidationException"/> if they are unusable.</summary>
    public static TParameters Read<TParameters>(string? json)
        where TParameters : class, IJobParameters
    {
        TParameters? parameters;
        try
        {
            parameters = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<TParameters>(json);
        }
        catch (JsonException ex)
        {
            throw new ValidationException("The job's parameters could not be read; start it again from its page.", ex);
        }

        if (parameters is null)
        {
            throw new ValidationException("The job has no parameters; start it again from its page.");
        }

        Validator.ValidateObject(parameters, new ValidationContext(parameters), validateAllProperties: true);
        return parameters;
    }
}
