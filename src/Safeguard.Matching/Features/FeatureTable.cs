namespace Safeguard.Matching.Features;

/// <summary>Records prepared once for comparison: every field normalised, interned to an id and
/// counted, laid out as parallel arrays (one slot per record) so that comparing a pair touches
/// only integers and already-normalised strings.</summary>
public sealed class FeatureTable
{
    private int[] _forename = [], _surname = [], _forenamePhonetic = [], _surnamePhonetic = [], _forenameRoot = [];
    private int[] _dob = [], _dobId = [], _gender = [], _address = [], _town = [], _postcode = [], _identifier = [];
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
                    _forename[i] = InternName(records[i].Forename);
                    _surname[i] = InternName(records[i].Surname);
                    _forenameRoot[i] = RootOf(_forename[i]);
                    ForenameCounts.Add(_forename[i]);
                    SurnameCounts.Add(_surname[i]);
                }
            },
            () =>
            {
                for (int i = 0; i < records.Length; i++)
                {
                    _ids[i] = records[i].Id;
                    _forenamePhonetic[i] = Phonetics.Intern(records[i].ForenamePhonetic);
                    _surnamePhonetic[i] = Phonetics.Intern(records[i].SurnamePhonetic);
                    _dob[i] = records[i].DateOfBirth;
                    _dobId[i] = DobId(records[i].DateOfBirth);
                    _gender[i] = records[i].Gender;
                    DobCounts.Add(_dobId[i]);
                }
            },
            () =>
            {
                for (int i = 0; i < records.Length; i++)
                {
                    _address[i] = InternAddress(records[i].Address);
                    AddressCounts.Add(_address[i]);
                }
            },
            () =>
            {
                for (int i = 0; i < records.Length; i++)
                {
                    _town[i] = Towns.Intern(records[i].Town);
                    _postcode[i] = Postcodes.Intern(records[i].Postcode);
                    _identifier[i] = Identifiers.Intern(records[i].Identifier);
                    TownCounts.Add(_town[i]);
                    PostcodeCounts.Add(_postcode[i]);
                    IdentifierCounts.Add(_identifier[i]);
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
    public int Forename(int i) => _forename[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Surname(int i) => _surname[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int ForenamePhonetic(int i) => _forenamePhonetic[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int SurnamePhonetic(int i) => _surnamePhonetic[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int ForenameRoot(int i) => _forenameRoot[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int DateOfBirth(int i) => _dob[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int DateOfBirthId(int i) => _dobId[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Gender(int i) => _gender[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Address(int i) => _address[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Town(int i) => _town[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Postcode(int i) => _postcode[i];
    /// <summary>Interned id of this record's value (0 when missing); for blocking rules.</summary>
    public int Identifier(int i) => _identifier[i];
    internal int[] NicknameGroupsOfName(int nameId) => nameId < _nicknameGroups.Length ? _nicknameGroups[nameId] : [];
    internal ulong NameSignature(int nameId) => _nameSignatures[nameId];
    internal ulong[] AddressWords(int addressId) => _addressWords[addressId];

    private int Add(in NormalisedRecord n, bool countValues)
    {
        EnsureCapacity(Count + 1);
        int i = Count++;
        _ids[i] = n.Id;
        _forename[i] = InternName(n.Forename);
        _surname[i] = InternName(n.Surname);
        _forenamePhonetic[i] = Phonetics.Intern(n.ForenamePhonetic);
        _surnamePhonetic[i] = Phonetics.Intern(n.SurnamePhonetic);
        _forenameRoot[i] = RootOf(_forename[i]);
        _dob[i] = n.DateOfBirth;
        _dobId[i] = DobId(n.DateOfBirth);
        _gender[i] = n.Gender;
        _address[i] = InternAddress(n.Address);
        _town[i] = Towns.Intern(n.Town);
        _postcode[i] = Postcodes.Intern(n.Postcode);
        _identifier[i] = Identifiers.Intern(n.Identifier);
        if (countValues)
        {
            ForenameCounts.Add(_forename[i]);
            SurnameCounts.Add(_surname[i]);
            DobCounts.Add(_dobId[i]);
            AddressCounts.Add(_address[i]);
            TownCounts.Add(_town[i]);
            PostcodeCounts.Add(_postcode[i]);
            IdentifierCounts.Add(_identifier[i]);
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
        Array.Resize(ref _forename, size); Array.Resize(ref _surname, size);
        Array.Resize(ref _forenamePhonetic, size); Array.Resize(ref _surnamePhonetic, size);
        Array.Resize(ref _forenameRoot, size); Array.Resize(ref _dob, size); Array.Resize(ref _dobId, size);
        Array.Resize(ref _gender, size); Array.Resize(ref _address, size); Array.Resize(ref _town, size);
        Array.Resize(ref _postcode, size); Array.Resize(ref _identifier, size);
    }
}
