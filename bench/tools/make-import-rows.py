# Synthetic import rows for timing `safeguard import` (docs/import.md, "Speed"): a share of the people already in the database (read from it,
# with typing errors), new people (names from the public linkage sets, combined at random), duplicates within the
# file, and rows with a missing name part or an impossible date. Nothing here is a real person.
import csv, random, sqlite3, sys, glob
# Usage: python3 bench/tools/make-import-rows.py SQLITE_DB ROWS OUT.csv [LINKAGE_DIR]; map it with bench/tools/import-rows.mapping.json.
db, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
linkage = sys.argv[4] if len(sys.argv) > 4 else '../shared/data/person-linkage'
r = random.Random(7)
fore, sur = set(), set()
for f in glob.glob(linkage + '/*.csv'):
    for row in csv.DictReader(open(f), skipinitialspace=True):
        a = (row.get('given_name') or row.get('first_name') or '').strip().title()
        b = (row.get('surname') or '').strip().title()
        if a.isalpha(): fore.add(a)
        if b.isalpha(): sur.add(b)
fore, sur = sorted(fore), sorted(sur)
con = sqlite3.connect(db)
existing = con.execute("select Forename, Surname, DateOfBirth, Gender, Postcode from people order by random() limit ?", (max(1, n // 5),)).fetchall()
def typo(s):
    if len(s) < 3 or r.random() > 0.3: return s
    i = r.randrange(1, len(s) - 1)
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]
def pc(): return f"{r.choice('ABCDEHLMNS')}{r.choice('ABCDEHLMNS')}{r.randint(1,20)} {r.randint(1,9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
rows = []
for i in range(n):
    k = r.random()
    if k < 0.2 and existing:
        f, s, d, g, p = r.choice(existing)
        rows.append([typo(f or ''), typo(s or ''), d or '', g or '', p or ''])
    elif k < 0.3 and rows:
        rows.append(list(r.choice(rows)))
        rows[-1][0] = typo(rows[-1][0])
    else:
        d = f"{r.randint(1935, 2025)}-{r.randint(1,12):02d}-{r.randint(1,28):02d}"
        rows.append([r.choice(fore), r.choice(sur), d, r.choice(['male', 'female']), pc()])
    if r.random() < 0.03: rows[-1][r.choice([0, 1])] = ''
    if r.random() < 0.02: rows[-1][2] = f"{r.randint(1950, 2020)}-02-30"
with open(out, 'w', newline='') as fh:
    w = csv.writer(fh)
    w.writerow(['Ref', 'First', 'Last', 'DOB', 'Sex', 'Postcode'])
    for i, row in enumerate(rows): w.writerow([f"L{i}"] + row)
