using System.Runtime.InteropServices;
using System.Text;

namespace Isms.Knowledge.Language;

/// <summary>
/// MeCab with the IPA dictionary through the system library (Debian: libmecab2 and mecab-ipadic-utf8), called
/// through its C API. A MeCab tagger is not safe for concurrent use, so calls are serialised; one sentence takes
/// tens of microseconds, far below a Teams turn.
/// </summary>
public sealed class MecabAnalyzer : IMorphologicalAnalyzer, IDisposable
{
    /// <summary>Where Debian and Ubuntu install the UTF-8 IPA dictionary.</summary>
    public static readonly IReadOnlyList<string> KnownDictionaryDirectories =
        ["/var/lib/mecab/dic/ipadic-utf8", "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8", "/usr/lib/mecab/dic/ipadic-utf8", "/usr/local/lib/mecab/dic/ipadic"];

    private static readonly string[] LibraryNames = ["libmecab.so.2", "libmecab.so", "libmecab.dylib", "libmecab.dll"];

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr NewTagger(byte[] arguments);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr ParseToString(IntPtr tagger, byte[] text);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void DestroyTagger(IntPtr tagger);

    private readonly object _gate = new();
    private readonly IntPtr _library;
    private readonly ParseToString _parse;
    private readonly DestroyTagger _destroy;
    private IntPtr _tagger;

    private MecabAnalyzer(IntPtr library, IntPtr tagger, ParseToString parse, DestroyTagger destroy, string dictionary)
    {
        _library = library;
        _tagger = tagger;
        _parse = parse;
        _destroy = destroy;
        Name = $"mecab ({dictionary})";
    }

    public string Name { get; }

    /// <summary>Opens MeCab with the dictionary in <paramref name="dictionaryDirectory"/> (or the first known one
    /// that exists). Returns null and says why when the library or the dictionary is missing.</summary>
    public static MecabAnalyzer? TryCreate(string? dictionaryDirectory, out string? whyNot)
    {
        var dictionary = string.IsNullOrWhiteSpace(dictionaryDirectory)
            ? KnownDictionaryDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "sys.dic")))
            : dictionaryDirectory;
        if (dictionary is null || !File.Exists(Path.Combine(dictionary, "sys.dic")))
        {
            whyNot = dictionary is null ? "no MeCab IPA dictionary found (Debian: mecab-ipadic-utf8)" : $"no sys.dic in {dictionary}";
            return null;
        }

        var library = IntPtr.Zero;
        if (!LibraryNames.Any(name => NativeLibrary.TryLoad(name, out library)))
        {
            whyNot = "the MeCab library is not installed (Debian: libmecab2)";
            return null;
        }

        try
        {
            var create = Marshal.GetDelegateForFunctionPointer<NewTagger>(NativeLibrary.GetExport(library, "mecab_new2"));
            var parse = Marshal.GetDelegateForFunctionPointer<ParseToString>(NativeLibrary.GetExport(library, "mecab_sparse_tostr"));
            var destroy = Marshal.GetDelegateForFunctionPointer<DestroyTagger>(NativeLibrary.GetExport(library, "mecab_destroy"));
            // -r /dev/null: do not read a system mecabrc, which may name another dictionary.
            var tagger = create(Utf8Z($"-r /dev/null -d {dictionary}"));
            if (tagger == IntPtr.Zero)
            {
                NativeLibrary.Free(library);
                whyNot = $"MeCab could not open the dictionary in {dictionary}";
                return null;
            }

            whyNot = null;
            return new MecabAnalyzer(library, tagger, parse, destroy, dictionary);
        }
        catch (EntryPointNotFoundException e)
        {
            NativeLibrary.Free(library);
            whyNot = $"the MeCab library lacks {e.Message}";
            return null;
        }
    }

    public IReadOnlyList<Morpheme> Analyze(string text)
    {
        // MeCab reads one line of plain text: tabs and control characters become spaces.
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        if (clean.Trim().Length == 0) return [];
        string output;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_tagger == IntPtr.Zero, this);
            output = Marshal.PtrToStringUTF8(_parse(_tagger, Utf8Z(clean))) ?? "";
        }

        var result = new List<Morpheme>();
        foreach (var line in output.Split('\n'))
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            result.Add(IpadicFeatures.ToMorpheme(line[..tab], line[(tab + 1)..].Split(',')));
        }

        return result;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_tagger == IntPtr.Zero) return;
            _destroy(_tagger);
            _tagger = IntPtr.Zero;
            NativeLibrary.Free(_library);
        }
    }

    private static byte[] Utf8Z(string s) => Encoding.UTF8.GetBytes(s + "\0");
}
