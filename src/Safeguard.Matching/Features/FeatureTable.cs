namespace Safeguard.Matching.Features;

/// <summary>Records prepared once for comparison: every field normalised, interned to an id and
/// counted, laid out as parallel arrays (one slot per record) so that comparing a pair touches
/// only integers and already-normalised strings.</summary>
public sealed class FeatureTable
{
    // One 48-byte row per record rather than an array per field: comparing a pair then reads one
    // cache line per record instead of one per field.
    private Row[] _rows = [];
    private string[] _ids = [];
    private int[][] _nicknameGroups = [];
    private ulong[] _nameSignatures = [];
    private readonly List<ulong[]> _addressWords = [[]];
    private readonly Dictionary<int, int> _dobIds = [];

    /// <summary>Number of records in the table.</summary>
    public int Count { get; private set; }

    /// <summary>Normalised forenames and surnames by id.</summary>
    public ValuePool Names { get; } = new();
    internal ValuePool Phonetics { get; } = new();
    internal ValuePool Addresses { get; } = new();
    internal ValuePool Towns { get; } = new();
    internal ValuePool Postcodes { get; } = new();
    internal ValuePool Identifiers { get; } = new();

    internal ValueCounts ForenameCounts { get; } = new();
    internal ValueCounts SurnameCounts { get; } = new();
    internal ValueCounts DobCounts { get; } = new();
    internal ValueCounts AddressCounts { get; } = new();
    internal ValueCounts TownCounts { get; } = new();
    internal ValueCounts PostcodeCounts { get; } = new();
    internal ValueCounts IdentifierCounts { get; } = new();

    /// <summary>Prepares a table from records, normalising them in parallel.</summary>
    public static FeatureTable Build(IReadOnlyList<PersonRecord> records)
    {
        var normalised = new NormalisedRecord[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions(), i => normalised[i] = NormalisedRecord.From(records[i]));
        var table = new FeatureTable();
        table.EnsureCapacity(records.Count);
        table.Count = records.Count;
        table.InternInParallel(normalised);
        return table;
    }

    // Each task owns its pools, counts and arrays, so the fields intern side by side.
    private void InternInParallel(NormalisedRecord[] records)
    {
        Parallel.Invoke(
            () =>
            {
                for (int i = 0; i < records.Length; i++)
                {
                    _rows[i].Forename = InternName(records[i].Forename);
                    _rows[i].Surname = InternName(records[i].Surname);
                    _rows[i].ForenameRoot = RootOf(_rows[i].Forename);
                    ForenameCounts.Add(_rows[i].Forename);
                    SurnameCounts.Add(_rows[i].Surname);
                }
            },
            () =>
            {
                for (int i = 0; i < records.Length; i++)
                {
                    _ids[i] = records[i].Id;
                    _rows[i].ForenamePhonetic = Phonetics.Intern(records[i].ForenamePhonetic);
                    _rows[i].SurnamePhonetic = Phonetics.Intern(records[i].SurnamePhonetic);
                    _rows[i].Dob = records[i].DateOfBirth;
                    _rows[i].DobId = DobId(records[i].DateOfBirth);
                    _rows[i].Gender = records[i].Gender;
                    DobCounts.Add(_rows[i].DobId);
                }
            },
            () =>
            {
                for (int i = 0; i < records.Length; i++)
                {
                    _rows[i].Address = InternAddress(records[i].Address);
                    AddressCounts.Add(_rows[i].Address);
                }
            },
            () =>
            {
                for (int i = 0; i < records.Length; i++)
                {
                    _rows[i].Town = Towns.Intern(records[i].Town);
                    _rows[i].Postcode = Postcodes.Intern(records[i].Postcode);
                    _rows[i].Identifier = Identifiers.Intern(records[i].Identifier);
                    TownCounts.Add(_rows[i].Town);
                    PostcodeCounts.Add(_rows[i].Postcode);
                    IdentifierCounts.Add(_rows[i].Identifier);
                }
            });
    }

    /// <summary>Appends one record. Query records are added with <paramref name="countValues"/>
    /// false so that they do not change term frequencies.</summary>
    public int Add(PersonRecord record, bool countValues = true) => Add(NormalisedRecord.From(record), countValues);

    /// <summary>Drops records from the end (used to remove a query record after matching it).</summary>
    public void Truncate(int count)
    {
        if (count < 0 || count > Count) throw new ArgumentOutOfRangeException(nameof(count));
        Count = count;
    }

    /// <summary>The source identifier of record <paramref name="i"/>.</summary>
    public string IdOf(int i) => _ids[i];

    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Forename(int i) => _rows[i].Forename;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Surname(int i) => _rows[i].Surname;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int ForenamePhonetic(int i) => _rows[i].ForenamePhonetic;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int SurnamePhonetic(int i) => _rows[i].SurnamePhonetic;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int ForenameRoot(int i) => _rows[i].ForenameRoot;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int DateOfBirth(int i) => _rows[i].Dob;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int DateOfBirthId(int i) => _rows[i].DobId;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Gender(int i) => _rows[i].Gender;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Address(int i) => _rows[i].Address;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Town(int i) => _rows[i].Town;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Postcode(int i) => _rows[i].Postcode;
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Identifier(int i) => _rows[i].Identifier;
    internal int[] NicknameGroupsOfName(int nameId) => nameId < _nicknameGroups.Length ? _nicknameGroups[nameId] : [];
    internal ulong NameSignature(int nameId) => _nameSignatures[nameId];
    internal ulong[] AddressWords(int addressId) => _addressWords[addressId];

    private int Add(in NormalisedRecord n, bool countValues)
    {
        EnsureCapacity(Count + 1);
        int i = Count++;
        _ids[i] = n.Id;
        _rows[i].Forename = InternName(n.Forename);
        _rows[i].Surname = InternName(n.Surname);
        _rows[i].ForenamePhonetic = Phonetics.Intern(n.ForenamePhonetic);
        _rows[i].SurnamePhonetic = Phonetics.Intern(n.SurnamePhonetic);
        _rows[i].ForenameRoot = RootOf(_rows[i].Forename);
        _rows[i].Dob = n.DateOfBirth;
        _rows[i].DobId = DobId(n.DateOfBirth);
        _rows[i].Gender = n.Gender;
        _rows[i].Address = InternAddress(n.Address);
        _rows[i].Town = Towns.Intern(n.Town);
        _rows[i].Postcode = Postcodes.Intern(n.Postcode);
        _rows[i].Identifier = Identifiers.Intern(n.Identifier);
        if (countValues)
        {
            ForenameCounts.Add(_rows[i].Forename);
            SurnameCounts.Add(_rows[i].Surname);
            DobCounts.Add(_rows[i].DobId);
            AddressCounts.Add(_rows[i].Address);
            TownCounts.Add(_rows[i].Town);
            PostcodeCounts.Add(_rows[i].Postcode);
            IdentifierCounts.Add(_rows[i].Identifier);
        }
        return i;
    }

    private int InternName(string name)
    {
        int id = Names.Intern(name);
        if (id >= _nicknameGroups.Length)
        {
            int size = Math.Max(64, Math.Max(id + 1, _nicknameGroups.Length * 2));
            Array.Resize(ref _nicknameGroups, size);
            Array.Resize(ref _nameSignatures, size);
        }
        if (_nicknameGroups[id] is null)
        {
            _nicknameGroups[id] = Text.Nicknames.GroupsOfNormalised(name);
            _nameSignatures[id] = Text.LetterSignature.Of(name);
        }
        return id;
    }

    // Word hashes per distinct address, so that "shares words" needs no string splitting per pair.
    private int InternAddress(string address)
    {
        int id = Addresses.Intern(address);
        if (id == _addressWords.Count)
        {
            var words = address.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var hashes = new ulong[words.Length];
            for (int w = 0; w < words.Length; w++) hashes[w] = (uint)string.GetHashCode(words[w], StringComparison.Ordinal);
            _addressWords.Add(hashes);
        }
        return id;
    }

    // Names in one nickname group share a root so that blocking puts "Bob" beside "Robert".
    private int RootOf(int nameId)
    {
        if (nameId == 0) return 0;
        var groups = _nicknameGroups[nameId];
        return groups.Length == 0 ? nameId : -1 - groups[0];
    }

    private int DobId(int dob)
    {
        if (dob == 0) return 0;
        if (!_dobIds.TryGetValue(dob, out var id)) _dobIds[dob] = id = _dobIds.Count + 1;
        return id;
    }

    private void EnsureCapacity(int capacity)
    {
        if (capacity <= _ids.Length) return;
        int size = Math.Max(capacity, Math.Max(16, _ids.Length * 2));
        Array.Resize(ref _ids, size);
        Array.Resize(ref _rows, size);
    }

    private struct Row
    {
        public int Forename, Surname, ForenamePhonetic, SurnamePhonetic, ForenameRoot, Dob, DobId, Gender, Address, Town, Postcode, Identifier;
    }
}
