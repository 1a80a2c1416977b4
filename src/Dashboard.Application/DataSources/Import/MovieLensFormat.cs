using System.Globalization;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources.Import;

/// <summary>
/// The MovieLens files as published by GroupLens: no header, ISO-8859-1, no quoting.
/// 100K: u.data (user, item, rating, timestamp; tab), u.item (id|title|release|video|url|19 genre flags), u.user (id|age|gender|occupation|zip).
/// 1M: ratings.dat, movies.dat (id::title::Genre|Genre), users.dat (id::gender::age::occupation::zip), all "::".
/// Genres become the item's tags (the first one its category); gender is flagged sensitive, age and zip quasi-identifiers.
/// </summary>
public static class MovieLensFormat
{
    /// <summary>Before the first rating of the MovieLens 100K set (September 1997).</summary>
    public static readonly DateTime FirstRatingUtc = new(1997, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly IReadOnlyList<string> Genres100K =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror",
        "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>users.dat's age codes and their meaning, from the MovieLens 1M README.</summary>
    public static readonly IReadOnlyDictionary<string, string> AgeCodes1M = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1"] = "Under 18", ["18"] = "18-24", ["25"] = "25-34", ["35"] = "35-44", ["45"] = "45-49", ["50"] = "50-55", ["56"] = "56+",
    };

    /// <summary>users.dat's occupation codes 0–20 and their meaning, from the MovieLens 1M README.</summary>
    public static readonly IReadOnlyList<string> Occupations1M =
    [
        "other", "academic/educator", "artist", "clerical/admin", "college/grad student", "customer service", "doctor/health care",
        "executive/managerial", "farmer", "homemaker", "K-12 student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
        "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer",
    ];

    public static async Task<ITabularReader> OpenAsync(Stream stream, FileFormat format, DatasetKind dataset, CancellationToken cancellationToken)
    {
        var ml1m = format == FileFormat.MovieLens1M;
        string[] header = dataset switch
        {
            DatasetKind.Interactions => ["user_id", "item_id", "rating", "timestamp"],
            DatasetKind.Items => ml1m ? ["item_id", "title", "genres"] : ["item_id", "title", "release_date", "video_release_date", "imdb_url", .. Genres100K],
            _ => ml1m ? ["user_id", "gender", "age", "occupation", "zip_code"] : ["user_id", "age", "gender", "occupation", "zip_code"],
        };
        var delimiter = ml1m ? DelimitedFileReader.DoubleColon : dataset == DatasetKind.Interactions ? "\t" : "|";
        var reader = await DelimitedFileReader.OpenAsync(stream, TextDetection.Latin1, delimiter, quoting: false, fixedHeader: header, cancellationToken);
        return dataset switch
        {
            DatasetKind.Items => new ItemsReader(reader, ml1m),
            DatasetKind.EndUserAttributes when ml1m => new CodedUsersReader(reader),
            _ => reader,
        };
    }

    public static ColumnMapping Mapping(FileFormat format, DatasetKind dataset) => dataset switch
    {
        DatasetKind.Interactions => new([new("user_id", ImportFields.UserId), new("item_id", ImportFields.ItemId), new("rating", ImportFields.Value), new("timestamp", ImportFields.Timestamp)]),
        DatasetKind.Items => new([new("item_id", ImportFields.ItemId), new("title", ImportFields.Title), new("category", ImportFields.Category), new("tags", ImportFields.Tags),
            .. format == FileFormat.MovieLens100K ? new ColumnMap[] { new("release_date", ImportFields.Attribute), new("imdb_url", ImportFields.Attribute) } : []]),
        _ => new([new("user_id", ImportFields.UserId), new("gender", ImportFields.Attribute, Sensitive: true), new("age", ImportFields.Attribute, QuasiIdentifier: true),
            new("occupation", ImportFields.Attribute), new("zip_code", ImportFields.Attribute, QuasiIdentifier: true)]),
    };

    /// <summary>Turns genre flags (100K) or a "A|B" genre list (1M) into category + tags columns.</summary>
    private sealed class ItemsReader(DelimitedFileReader inner, bool ml1m) : ITabularReader
    {
        public IReadOnlyList<string> Header { get; } = ["item_id", "title", "category", "tags", "release_date", "imdb_url"];

        public double Fraction => inner.Fraction;

        public async ValueTask<RawRow?> ReadAsync(CancellationToken cancellationToken)
        {
            if (await inner.ReadAsync(cancellationToken) is not { } row)
            {
                return null;
            }

            if (row.Malformed is not null)
            {
                return row;
            }

            var c = row.Cells;
            List<string> genres;
            if (ml1m)
            {
                genres = c.Length > 2 && c[2] is { Length: > 0 } g ? [.. g.Split('|')] : [];
            }
            else
            {
                genres = [];
                for (var i = 0; i < Genres100K.Count && 5 + i < c.Length; i++)
                {
                    if (c[5 + i] == "1")
                    {
                        genres.Add(Genres100K[i]);
                    }
                }
            }

            var width = ml1m ? 3 : 5 + Genres100K.Count;
            return new RawRow(row.Line, c.Length != width ? c : [c[0], c[1], genres.FirstOrDefault(), string.Join(",", genres), ml1m ? null : c[2], ml1m ? null : c[4]]);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>
    /// Stores users.dat's age and occupation as the labels the README gives them, so attribute charts and
    /// segments read "25-34" and "programmer" rather than "25" and "12". A code the README does not list is kept as it is.
    /// </summary>
    private sealed class CodedUsersReader(DelimitedFileReader inner) : ITabularReader
    {
        public IReadOnlyList<string> Header => inner.Header;

        public double Fraction => inner.Fraction;

        public async ValueTask<RawRow?> ReadAsync(CancellationToken cancellationToken)
        {
            var read = await inner.ReadAsync(cancellationToken);
            if (read is not { Malformed: null, Cells.Length: 5 } row)
            {
                return read;
            }

            var c = row.Cells;
            var age = c[2] is { } a && AgeCodes1M.TryGetValue(a, out var ageLabel) ? ageLabel : c[2];
            var occupation = int.TryParse(c[3], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code < Occupations1M.Count ? Occupations1M[code] : c[3];
            return new RawRow(row.Line, [c[0], c[1], age, occupation, c[4]]);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
