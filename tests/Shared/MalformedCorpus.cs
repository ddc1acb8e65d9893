using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Search.Tests.Shared;

/// <summary>One kind of malformed input, in its own folder: the ids that must be indexed and where each bad input must be reported.</summary>
/// <param name="Name">What is wrong, in a few words.</param>
/// <param name="Folder">The folder that holds this kind's files (and nothing else).</param>
/// <param name="GoodIds">Every id that must be indexed from this folder.</param>
/// <param name="BadLocations">Every skip this folder must produce, as <c>file</c> or <c>file:line</c>.</param>
internal sealed record MalformedKind(string Name, string Folder, IReadOnlyList<string> GoodIds, IReadOnlyList<string> BadLocations)
{
    /// <summary>For a truncated gzip: the ids written into it in order. Some prefix of them is readable; the skip must name the line after it.</summary>
    public IReadOnlyList<string> TruncatedIds { get; init; } = [];

    /// <summary>The truncated gzip file, when <see cref="TruncatedIds"/> is set.</summary>
    public string? TruncatedFile { get; init; }

    /// <summary>Ids that occur in two files of this folder and must be reported as repeated.</summary>
    public IReadOnlyList<string> RepeatedIds { get; init; } = [];
}

/// <summary>
/// Writes a corpus of malformed inputs, one folder per kind, each mixing good and bad articles where that makes sense.
/// Everything is built here in code (seeded, so the same bytes every run).
/// </summary>
internal static class MalformedCorpus
{
    private const string Body = "Die Fähre verbindet ab Montag beide Ufer. Der Fährmann freut sich über die Gäste.";

    /// <summary>Writes every kind under <paramref name="root"/>; <paramref name="withHugeLines"/> adds the 50 MB and 33 MiB lines.</summary>
    public static IReadOnlyList<MalformedKind> Create(string root, bool withHugeLines = true)
    {
        var kinds = new List<MalformedKind>();
        var number = 0;

        MalformedKind Add(string name, Action<KindBuilder> build)
        {
            number++;
            var folder = Path.Combine(root, $"k{number:D2}");
            Directory.CreateDirectory(folder);
            var builder = new KindBuilder(folder, $"k{number:D2}");
            build(builder);
            var kind = builder.ToKind(name);
            kinds.Add(kind);
            return kind;
        }

        Add("truncated gzip (cut in half)", k =>
        {
            var ids = Enumerable.Range(1, 400).Select(i => k.Id($"t{i}")).ToList();
            var whole = Gzip(Encoding.UTF8.GetBytes(string.Concat(ids.Select(id => Good(id) + "\n"))));
            k.Bytes("cut.jsonl.gz", whole[..(whole.Length / 2)]);
            k.Truncated(k.PathOf("cut.jsonl.gz"), ids);
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("gzip of non-JSON text", k => k.Bytes("text.jsonl.gz", Gzip(Encoding.UTF8.GetBytes(
            string.Join('\n', k.GoodLine("a"), k.BadLine("text.jsonl.gz", 2, "Dies ist kein JSON, sondern ein Satz."),
                k.GoodLine("b"), k.BadLine("text.jsonl.gz", 4, "<html><body>Fehler 500</body></html>")) + "\n"))));
        Add("gzip of binary data", k =>
        {
            k.Bytes("photo.jsonl.gz", Gzip(RandomBytes(4096, seed: 3, withNul: true)));
            k.BadFile("photo.jsonl.gz");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("plain text named .jsonl.gz", k =>
        {
            k.Text("plain.jsonl.gz", Good(k.Id("never")) + "\n");
            k.BadFile("plain.jsonl.gz");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("zero-byte .jsonl", k =>
        {
            k.Bytes("empty.jsonl", []);
            k.BadFile("empty.jsonl");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("zero-byte .jsonl.gz", k =>
        {
            k.Bytes("empty.jsonl.gz", []);
            k.BadFile("empty.jsonl.gz");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("gzip of an empty text", k =>
        {
            k.Bytes("nothing.jsonl.gz", Gzip([]));
            k.BadFile("nothing.jsonl.gz");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("concatenated gzip members (cat a.gz b.gz)", k => k.Bytes("joined.jsonl.gz",
            [.. Gzip(Encoding.UTF8.GetBytes(k.GoodLine("a") + "\n")), .. Gzip(Encoding.UTF8.GetBytes(k.GoodLine("b") + "\n"))]));
        if (withHugeLines)
        {
            Add("50 MB single line without newline", k =>
            {
                var path = k.PathOf("huge.jsonl");
                using (var file = File.Create(path))
                {
                    file.Write(Encoding.UTF8.GetBytes(k.GoodLine("a") + "\n" + k.GoodLine("b") + "\n{\"id\":\"huge\",\"body\":\""));
                    var chunk = new byte[1 << 20];
                    Array.Fill(chunk, (byte)'x');
                    for (var i = 0; i < 50; i++)
                    {
                        file.Write(chunk);
                    }
                }

                k.BadAt("huge.jsonl", 3);
            });
            Add("line beyond the 32 MiB cap, then more lines", k =>
            {
                var path = k.PathOf("over-cap.jsonl");
                using (var file = File.Create(path))
                {
                    file.Write(Encoding.UTF8.GetBytes(k.GoodLine("a") + "\n{\"id\":\"over\",\"body\":\""));
                    file.Write(Enumerable.Repeat((byte)'y', (32 * 1024 * 1024) + 10).ToArray());
                    file.Write(Encoding.UTF8.GetBytes("\"}\n" + k.GoodLine("b") + "\n"));
                }

                k.BadAt("over-cap.jsonl", 2);
            });
        }

        Add("UTF-8 BOM at file start", k => k.Text("bom.jsonl", "\uFEFF" + k.GoodLine("a") + "\n" + k.GoodLine("b") + "\n"));
        Add("UTF-8 BOM in the middle (files joined with cat)", k => k.Text("bom-middle.jsonl",
            k.GoodLine("a") + "\n\uFEFF" + k.GoodLine("b") + "\n" + k.GoodLine("c") + "\n"));
        Add("UTF-16 LE file with BOM", k =>
        {
            k.Bytes("utf16le.jsonl", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Good(k.Id("never")) + "\n")]);
            k.BadFile("utf16le.jsonl");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("UTF-16 BE file with BOM", k =>
        {
            k.Bytes("utf16be.jsonl", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Good(k.Id("never")) + "\n")]);
            k.BadFile("utf16be.jsonl");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("UTF-16 LE file without BOM", k =>
        {
            k.Bytes("utf16-nobom.jsonl", Encoding.Unicode.GetBytes(Good(k.Id("never")) + "\n"));
            k.BadFile("utf16-nobom.jsonl");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("mixed \\n, \\r\\n and lone \\r line endings", k => k.Text("endings.jsonl",
            k.GoodLine("a") + "\n" + k.GoodLine("b") + "\r\n" + k.GoodLine("c") + "\r" + k.GoodLine("d") + "\r" +
            k.BadLine("endings.jsonl", 5, "{kaputt") + "\r\n" + k.GoodLine("e") + "\n"));
        Add("blank and whitespace-only lines", k => k.Text("blank.jsonl",
            "\n   \n\t\n" + k.GoodLine("a") + "\n \r\n\n" + k.BadLine("blank.jsonl", 7, "{kaputt") + "\n\n\t \n" + k.GoodLine("b") + "\n\n"));
        Add("trailing line without newline", k => k.Text("no-final-newline.jsonl", k.GoodLine("a") + "\n" + k.GoodLine("b")));
        Add("trailing bad line without newline", k => k.Text("bad-final.jsonl", k.GoodLine("a") + "\n" + k.BadLine("bad-final.jsonl", 2, "{\"id\":\"x\"")));
        Add("deep JSON nesting (10,000 arrays)", k => k.Jsonl("deep.jsonl",
            k.G("a"),
            Bad(new string('[', 10_000) + new string(']', 10_000)),
            Bad($"{{\"id\":\"{k.Id("deep")}\",\"date\":\"2021-03-02\",\"title\":\"T\",\"body\":\"B\",\"extra\":{new string('[', 10_000)}{new string(']', 10_000)}}}"),
            k.G("b")));
        Add("JSON values other than an object", k => k.Jsonl("not-object.jsonl",
            k.G("a"), Bad($"[{Good(k.Id("in-array"))}]"), Bad("42"), Bad("\"nur ein Text\""), Bad("null"), Bad("true"), k.G("b")));
        Add("two values on one line", k => k.Jsonl("two.jsonl",
            k.G("a"), Bad(Good(k.Id("x1")) + Good(k.Id("x2"))), Bad(Good(k.Id("x3")) + " danach Müll"), k.G("b")));
        Add("wrong types (id number, title array, date number, body object)", k => k.Jsonl("types.jsonl",
            k.G("a"),
            Bad("""{"id":17,"date":"2021-03-02","title":"T","body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x1")}}","date":"2021-03-02","title":["T"],"body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x2")}}","date":20210302,"title":"T","body":"B"}"""),
            Bad($$$"""{"id":"{{{k.Id("x3")}}}","date":"2021-03-02","title":"T","body":{"text":"B"}}"""),
            Bad($$"""{"id":"{{k.Id("x4")}}","date":"2021-03-02","title":"T","body":"B","source":42}"""),
            Bad($$"""{"id":true,"date":"2021-03-02","title":"T","body":"B"}"""),
            k.G("b")));
        Add("null fields", k => k.Jsonl("nulls.jsonl",
            Bad("""{"id":null,"date":"2021-03-02","title":"T","body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x1")}}","date":null,"title":"T","body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x2")}}","date":"2021-03-02","title":null,"body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x3")}}","date":"2021-03-02","title":"T","body":null}"""),
            k.Raw("a", $$"""{"id":"{{k.Id("a")}}","date":"2021-03-02","title":"T","body":"B","source":null,"url":null,"caption":null}""")));
        Add("extra unknown fields", k => k.Jsonl("extra.jsonl",
            k.Raw("a", $$$"""{"id":"{{{k.Id("a")}}}","date":"2021-03-02","title":"T","body":"B","author":"Anna","tags":["x","y"],"meta":{"words":7,"ok":true}}"""),
            k.Raw("b", $$"""{"wordcount":3,"id":"{{k.Id("b")}}","body":"B","title":"T","date":"2021-03","image":null}""")));
        Add("repeated keys in one object", k => k.Jsonl("repeated-keys.jsonl",
            k.G("a"),
            Bad($$"""{"id":"{{k.Id("x1")}}","id":"{{k.Id("x2")}}","date":"2021-03-02","title":"T","body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x3")}}","date":"2021-03-02","title":"T","body":"B","body":"C"}""")));
        Add("dates out of range or impossible", k => k.Jsonl("dates.jsonl",
            Bad(Good(k.Id("x1"), "0000-01-01")),
            Bad(Good(k.Id("x2"), "9999-12-31")),
            Bad(Good(k.Id("x3"), "2021-02-30")),
            Bad(Good(k.Id("x4"), "2021-13-01")),
            Bad(Good(k.Id("x5"), "yesterday")),
            Bad(Good(k.Id("x6"), "2021-3-2")),
            Bad(Good(k.Id("x7"), "2021-03-02T10:00:00Z")),
            Bad(Good(k.Id("x8"), "0999-12")),
            k.Raw("leap", Good(k.Id("leap"), "2020-02-29")),
            k.Raw("month", Good(k.Id("month"), "2021-12"))));
        Add("empty and blank strings", k => k.Jsonl("empty-strings.jsonl",
            Bad("""{"id":"","date":"2021-03-02","title":"T","body":"B"}"""),
            Bad("""{"id":"   ","date":"2021-03-02","title":"T","body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x1")}}","date":"","title":"T","body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x2")}}","date":"2021-03-02","title":"","body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x3")}}","date":"2021-03-02","title":"T","body":" \n\n "}"""),
            k.Raw("a", $$"""{"id":"{{k.Id("a")}}","date":"2021-03-02","title":"T","body":"B","source":"","url":"  ","caption":""}""")));
        Add("huge ids and fields (10k-char id, 40 KB source)", k => k.Jsonl("huge-id.jsonl",
            Bad(Good(k.Id(new string('i', 10_000)))),
            Bad(Good(k.Id(new string('ä', 17_000)))),
            Bad(JsonSerializer.Serialize(new { id = k.Id("big-source"), date = "2021-03-02", title = "T", body = "B", source = new string('s', 40_000) })),
            k.Raw(k.Id(new string('j', 190)), Good(k.Id(new string('j', 190)))),
            k.G("a")));
        Add("ids with control characters, slashes and spaces", k => k.Jsonl("odd-ids.jsonl",
            Bad(Good(k.Id("tab\tid"))),
            Bad(Good(k.Id("line\nbreak"))),
            Bad(Good(k.Id("bell\u0007"))),
            Bad(Good(k.Id("del\u007F"))),
            k.Raw(k.Id("mit leerzeichen"), Good(k.Id("mit leerzeichen"))),
            k.Raw(k.Id("a/b/c"), Good(k.Id("a/b/c"))),
            k.Raw(k.Id("umläut-ß"), Good(k.Id("umläut-ß")))));
        Add("duplicate ids across files", k =>
        {
            k.Text("a.jsonl", Good(k.Id("dup"), title: "Erste Fassung") + "\n" + k.GoodLine("a") + "\n");
            k.Text("b.jsonl", Good(k.Id("dup"), title: "Zweite Fassung") + "\n");
            k.Repeated(k.Id("dup"));
        });
        Add("NUL bytes inside JSON strings", k => k.Text("nul.jsonl", string.Join('\n',
            k.GoodLine("a"),
            k.BadLine("nul.jsonl", 2, $$"""{"id":"{{k.Id("raw")}}","date":"2021-03-02","title":"T""" + "\0" + "T\",\"body\":\"B\"}"),
            k.BadLine("nul.jsonl", 3, $$"""{"id":"{{k.Id("escaped")}}","date":"2021-03-02","title":"T","body":"B\u0000B"}"""),
            k.GoodLine("b")) + "\n"));
        Add("NUL byte in the first line", k => k.Text("nul-first.jsonl", string.Join('\n',
            k.BadLine("nul-first.jsonl", 1, $$"""{"id":"{{k.Id("raw")}}","date":"2021-03-02","title":"T""" + "\0" + "T\",\"body\":\"B\"}"),
            k.GoodLine("a")) + "\n"));
        Add("invalid escape sequences (\\x, \\u12, \\q)", k => k.Jsonl("escapes.jsonl",
            k.G("a"),
            Bad($$"""{"id":"{{k.Id("x1")}}","date":"2021-03-02","title":"\x41","body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x2")}}","date":"2021-03-02","title":"T","body":"\u12"}"""),
            Bad($$"""{"id":"{{k.Id("x3")}}","date":"2021-03-02","title":"\q","body":"B"}"""),
            k.G("b")));
        Add("lone surrogate escapes (\\ud800)", k => k.Jsonl("surrogates.jsonl",
            Bad($$"""{"id":"{{k.Id("x1")}}","date":"2021-03-02","title":"T\ud800","body":"B"}"""),
            Bad($$"""{"id":"{{k.Id("x2")}}","date":"2021-03-02","title":"T","body":"\udc00B"}"""),
            Bad($$"""{"id":"{{k.Id("x3")}}\ud800","date":"2021-03-02","title":"T","body":"B"}"""),
            k.Raw("pair", $$"""{"id":"{{k.Id("pair")}}","date":"2021-03-02","title":"Lachen \ud83d\ude00","body":"B"}""")));
        Add("bytes that are not UTF-8", k =>
        {
            byte[][] lines =
            [
                Encoding.UTF8.GetBytes(k.GoodLine("a")),
                Encoding.Latin1.GetBytes($"{{\"id\":\"{k.Id("latin1")}\",\"date\":\"2021-03-02\",\"title\":\"Straße\",\"body\":\"B\"}}"),
                [.. Encoding.UTF8.GetBytes(Good(k.Id("overlong"))[..^2]), 0xC0, 0xAF, (byte)'"', (byte)'}'],
                [.. "{\"id\":\""u8.ToArray(), 0xFF, 0xFE, .. "\",\"date\":\"2021-03-02\",\"title\":\"T\",\"body\":\"B\"}"u8.ToArray()],
                [.. Encoding.UTF8.GetBytes(Good(k.Id("cut"), title: "Fähre")).AsSpan(0, 60), 0xC3],
                Encoding.UTF8.GetBytes(k.GoodLine("b")),
            ];
            k.Bytes("not-utf8.jsonl", [.. lines.SelectMany(line => (byte[])[.. line, (byte)'\n'])]);
            k.BadAt("not-utf8.jsonl", 2, 3, 4, 5);
        });
        Add("binary garbage with .jsonl extension", k =>
        {
            k.Bytes("garbage.jsonl", RandomBytes(8192, seed: 7, withNul: true));
            k.BadFile("garbage.jsonl");
            k.Bytes("garbage-no-nul.jsonl", RandomBytes(300, seed: 11, withNul: false));
            k.BadFile("garbage-no-nul.jsonl");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("seed files with a bad first line", k =>
        {
            k.Text("no-date.txt", "Kein Datum hier\n\nText.");
            k.BadAt("no-date.txt", 1);
            k.Text("bad-month.txt", " date 2021-13 Bild\n\nText.");
            k.BadAt("bad-month.txt", 1);
            k.Text("date-word.txt", " date gestern Bild\n\nText.");
            k.BadAt("date-word.txt", 1);
            k.Seed("a", " date 2021-12 Foto: dpa\n\n" + Body);
        });
        Add("seed files without a body", k =>
        {
            k.Text("no-body.txt", " date 2021-12 Bild\n\n   \n\n");
            k.BadFile("no-body.txt");
            k.Text("only-date.txt", " date 2021-12 Bild");
            k.BadFile("only-date.txt");
            k.Text("empty.txt", "");
            k.BadFile("empty.txt");
            k.Seed("a", " date 2021-12 Bild\n\n" + Body);
        });
        Add("seed files with CRLF, lone CR and a BOM", k =>
        {
            k.Seed("crlf", " date 2021-12 Bild\r\n\r\n" + Body + "\r\n\r\nZweiter Absatz.\r\n");
            k.Seed("cr", " date 2021-11 Bild\r\r" + Body + "\r");
            k.Seed("bom", "\uFEFF date 2021-10 Bild\r\n\r\n" + Body);
        });
        Add("seed files in UTF-16 and Latin-1", k =>
        {
            k.Bytes("utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(" date 2021-12 Bild\n\n" + Body)]);
            k.BadFile("utf16.txt");
            k.Bytes("latin1.txt", Encoding.Latin1.GetBytes(" date 2021-12 Bild\n\nStraße gesperrt."));
            k.BadFile("latin1.txt");
            k.Seed("a", " date 2021-12 Bild\n\n" + Body);
        });
        Add("symlink loops and dangling links", k =>
        {
            k.Jsonl("good.jsonl", k.G("a"));
            File.CreateSymbolicLink(k.PathOf("loop-a.jsonl"), k.PathOf("loop-b.jsonl"));
            File.CreateSymbolicLink(k.PathOf("loop-b.jsonl"), k.PathOf("loop-a.jsonl"));
            File.CreateSymbolicLink(k.PathOf("dangling.jsonl"), k.PathOf("gone.jsonl"));
            Directory.CreateDirectory(k.PathOf("sub"));
            Directory.CreateSymbolicLink(k.PathOf("sub/up"), k.PathOf(""));
            k.BadFile("dangling.jsonl");
            k.BadFile("loop-a.jsonl");
            k.BadFile("loop-b.jsonl");
        });
        Add("named pipe (FIFO) called x.jsonl", k =>
        {
            var fifo = k.PathOf("pipe.jsonl");
            using (var mkfifo = Process.Start("mkfifo", [fifo]))
            {
                mkfifo.WaitForExit();
            }

            k.BadFile("pipe.jsonl");
            k.Jsonl("good.jsonl", k.G("a"));
        });
        Add("a folder named x.jsonl", k =>
        {
            Directory.CreateDirectory(k.PathOf("folder.jsonl"));
            Directory.CreateDirectory(k.PathOf("empty.jsonl"));
            k.Jsonl("folder.jsonl/inner.jsonl", k.G("a"));
        });
        Add("very many tiny files (1,500)", k =>
        {
            for (var i = 0; i < 1500; i++)
            {
                k.Jsonl($"tiny-{i:D4}.jsonl", k.G($"n{i}"));
            }
        });
        return kinds;
    }

    private static Line Bad(string text) => new(text, null);

    /// <summary>A valid JSON line for an article.</summary>
    public static string Good(string id, string date = "2021-03-02", string title = "Fähre über den Rhein") =>
        JsonSerializer.Serialize(new { id, date, title, body = Body, source = "example.de" });

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] RandomBytes(int count, int seed, bool withNul)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!withNul && bytes[i] == 0)
            {
                bytes[i] = 0x80;
            }

            if (bytes[i] == (byte)'\n')
            {
                bytes[i] = 0x81; // one long garbage line, so the whole file is one skip
            }
        }

        if (withNul)
        {
            bytes[5] = 0;
        }

        return bytes;
    }

    /// <summary>One line of a JSON Lines file: good (with its id) or bad.</summary>
    internal sealed record Line(string Text, string? GoodId);

    /// <summary>Collects one kind's files and expectations.</summary>
    internal sealed class KindBuilder(string folder, string prefix)
    {
        private readonly List<string> _good = [];
        private readonly List<string> _bad = [];
        private readonly List<string> _repeated = [];
        private string? _truncatedFile;
        private IReadOnlyList<string> _truncatedIds = [];

        public string Id(string name) => $"{prefix}-{name}";

        public string PathOf(string name) => Path.GetFullPath(Path.Combine(folder, name));

        public Line G(string name) => new(Good(Id(name)), Id(name));

        public Line Raw(string idOrName, string text) => new(text, idOrName.StartsWith(prefix, StringComparison.Ordinal) ? idOrName : Id(idOrName));

        public string GoodLine(string name)
        {
            _good.Add(Id(name));
            return Good(Id(name));
        }

        public string BadLine(string file, int line, string text)
        {
            BadAt(file, line);
            return text;
        }

        public void BadAt(string file, params int[] lines) => _bad.AddRange(lines.Select(line => $"{PathOf(file)}:{line}"));

        public void BadFile(string file) => _bad.Add(PathOf(file));

        public void Repeated(string id) => _repeated.Add(id);

        public void Truncated(string file, IReadOnlyList<string> ids) => (_truncatedFile, _truncatedIds) = (file, ids);

        public void Jsonl(string file, params Line[] lines)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].GoodId is { } id)
                {
                    _good.Add(id);
                }
                else
                {
                    BadAt(file, i + 1);
                }
            }

            Text(file, string.Concat(lines.Select(line => line.Text + "\n")));
        }

        public void Seed(string name, string text)
        {
            _good.Add(Id(name));
            Text(Id(name) + ".txt", text);
        }

        public void Text(string file, string text) => Bytes(file, new UTF8Encoding(false).GetBytes(text));

        public void Bytes(string file, byte[] bytes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PathOf(file))!);
            File.WriteAllBytes(PathOf(file), bytes);
        }

        public MalformedKind ToKind(string name) => new(name, Path.GetFullPath(folder), _good.Distinct().ToList(), _bad)
        {
            TruncatedFile = _truncatedFile,
            TruncatedIds = _truncatedIds,
            RepeatedIds = _repeated,
        };
    }
}
