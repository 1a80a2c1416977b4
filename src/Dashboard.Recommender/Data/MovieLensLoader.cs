using System.Globalization;
using System.Text;

namespace Dashboard.Recommender.Data;

/// <summary>
/// Reads the GroupLens MovieLens 100K and 1M formats. Text files are ISO-8859-1 (titles such as
/// "Misérables"). When user and item files are present they are read first so dense indices follow the
/// files' id order; ids only seen in ratings are appended. An empty ML-1M timestamp becomes
/// <see cref="Rating.NoTimestamp"/>.
/// </summary>
public static class MovieLensLoader
{
    /// <summary>The 19 genre flags of u.item, in file order (u.genre).</summary>
    public static IReadOnlyList<string> Ml100kGenres { get; } =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>Loads u.data (+ u.user, u.item when present) from an ml-100k directory.</summary>
    public static Dataset LoadMl100k(string directory)
    {
        using var ratings = Open(directory, "u.data");
        using var users = OpenOptional(directory, "u.user");
        using var items = OpenOptional(directory, "u.item");
        return ParseMl100k(ratings, users, items);
    }

    /// <summary>
    /// Loads canonical fold <paramref name="fold"/> (1–5: u{fold}.base / u{fold}.test). Both sides share
    /// the same id maps, so an index means the same user or item in train and test.
    /// </summary>
    public static (Dataset Train, Dataset Test) LoadMl100kFold(string directory, int fold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fold, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fold, 5);
        using var train = Open(directory, $"u{fold}.base");
        using var test = Open(directory, $"u{fold}.test");
        using var users = OpenOptional(directory, "u.user");
        using var items = OpenOptional(directory, "u.item");
        return ParseMl100kFold(train, test, users, items);
    }

    /// <summary>Loads ratings.dat (+ users.dat, movies.dat when present) from an ml-1m directory.</summary>
    public static Dataset LoadMl1m(string directory)
    {
        using var ratings = Open(directory, "ratings.dat");
        using var users = OpenOptional(directory, "users.dat");
        using var movies = OpenOptional(directory, "movies.dat");
        return ParseMl1m(ratings, users, movies);
    }

    public static Dataset ParseMl100k(TextReader ratings, TextReader? users = null, TextReader? items = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var side = ReadSideData(users, items, ml1m: false);
        return side.Dataset(ReadRatings(ratings, "\t", side.Users, side.Items));
    }

    public static (Dataset Train, Dataset Test) ParseMl100kFold(
        TextReader train, TextReader test, TextReader? users = null, TextReader? items = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var side = ReadSideData(users, items, ml1m: false);
        var trainRatings = ReadRatings(train, "\t", side.Users, side.Items);
        var testRatings = ReadRatings(test, "\t", side.Users, side.Items);
        return (side.Dataset(trainRatings), side.Dataset(testRatings));
    }

    public static Dataset ParseMl1m(TextReader ratings, TextReader? users = null, TextReader? movies = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var side = ReadSideData(users, movies, ml1m: true);
        return side.Dataset(ReadRatings(ratings, "::", side.Users, side.Items));
    }

    private static StreamReader Open(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"MovieLens file '{file}' not found in '{directory}'.", path);
        }

        return new StreamReader(path, Encoding.Latin1);
    }

    private static StreamReader? OpenOptional(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? new StreamReader(path, Encoding.Latin1) : null;
    }

    private static SideData ReadSideData(TextReader? users, TextReader? items, bool ml1m)
    {
        var side = new SideData();
        if (users is not null)
        {
            ReadUsers(users, ml1m, side);
        }

        if (items is not null)
        {
            ReadItems(items, ml1m, side);
        }

        return side;
    }

    private static void ReadUsers(TextReader reader, bool ml1m, SideData side)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var f = ml1m ? line.Split("::") : line.Split('|');
            if (f.Length < 5)
            {
                throw new FormatException($"User line {lineNumber} has {f.Length} fields, expected 5: '{line}'.");
            }

            // ML-100K: id|age|gender|occupation|zip; ML-1M: id::gender::age::occupation::zip.
            var index = side.Users.GetOrAdd(f[0]);
            side.UserAttributes[index] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["age"] = ml1m ? f[2] : f[1],
                ["gender"] = ml1m ? f[1] : f[2],
                ["occupation"] = f[3],
                ["zip"] = f[4],
            };
        }
    }

    private static void ReadItems(TextReader reader, bool ml1m, SideData side)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string id, title;
            List<string> genres = [];
            if (ml1m)
            {
                var f = line.Split("::");
                if (f.Length < 3)
                {
                    throw new FormatException($"Movie line {lineNumber} has {f.Length} fields, expected 3: '{line}'.");
                }

                (id, title) = (f[0], f[1]);
                genres.AddRange(f[2].Split('|', StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                var f = line.Split('|');
                if (f.Length < 5 + Ml100kGenres.Count)
                {
                    throw new FormatException($"Item line {lineNumber} has {f.Length} fields, expected 24: '{line}'.");
                }

                (id, title) = (f[0], f[1]);
                for (var g = 0; g < Ml100kGenres.Count; g++)
                {
                    if (f[5 + g] == "1")
                    {
                        genres.Add(Ml100kGenres[g]);
                    }
                }
            }

            side.ItemMetadata[side.Items.GetOrAdd(id)] = new ItemMetadata(title, genres);
        }
    }

    private static Rating[] ReadRatings(TextReader reader, string separator, IdMap users, IdMap items)
    {
        var result = new List<Rating>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty)
            {
                continue;
            }

            var user = NextField(ref span, separator);
            var item = NextField(ref span, separator);
            var value = NextField(ref span, separator);
            var time = span.Trim();
            if (user.IsEmpty || item.IsEmpty
                || !float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rating))
            {
                throw new FormatException($"Rating line {lineNumber} is not 'user{separator}item{separator}rating{separator}timestamp': '{line}'.");
            }

            var timestamp = Rating.NoTimestamp;
            if (!time.IsEmpty && !long.TryParse(time, NumberStyles.Integer, CultureInfo.InvariantCulture, out timestamp))
            {
                throw new FormatException($"Rating line {lineNumber} has a timestamp that is not an integer: '{line}'.");
            }

            result.Add(new Rating(users.GetOrAdd(user.ToString()), items.GetOrAdd(item.ToString()), rating, timestamp));
        }

        return [.. result];
    }

    /// <summary>Returns the text up to the next separator and advances past it (the rest when none).</summary>
    private static ReadOnlySpan<char> NextField(ref ReadOnlySpan<char> rest, string separator)
    {
        var at = rest.IndexOf(separator, StringComparison.Ordinal);
        ReadOnlySpan<char> field;
        if (at < 0)
        {
            field = rest;
            rest = [];
        }
        else
        {
            field = rest[..at];
            rest = rest[(at + separator.Length)..];
        }

        return field.Trim();
    }

    private sealed class SideData
    {
        public IdMap Users { get; } = new();

        public IdMap Items { get; } = new();

        public Dictionary<int, IReadOnlyDictionary<string, string>> UserAttributes { get; } = [];

        public Dictionary<int, ItemMetadata> ItemMetadata { get; } = [];

        public Dataset Dataset(Rating[] ratings) => new(Users, Items, ratings, UserAttributes, ItemMetadata);
    }
}
