"""Fictional names for the demo: staff from an adult pool, each used once; children by heritage and gender."""
import random

from .models import Ethnicity, Gender

STAFF_FIRST = (
    "Sarah Claire Helen Rachel Emma Joanne Nicola Gemma Lisa Karen Amanda Michelle Louise Kate Hannah Laura "
    "Vicky Jenny Natalie Donna Sian Bethan Sinead Agnieszka Marta Priya Nadia Farah Yasmin Shazia Funmi Abena "
    "Grace Chloe Zoe Anita Mandeep David Paul Mark Andrew Richard Simon James Daniel Gareth Neil Darren Craig "
    "Stuart Martin Kevin Steven Lee Adam Tom Ben Rhys Ciaran Tariq Imran Kwame Chidi Tomasz Marcus Dev Sunil"
).split()
STAFF_LAST = (
    "Ashworth Bradley Carver Dalton Ellison Farrow Gibbs Hartley Ingram Jarvis Kendall Lowe Mercer Naylor "
    "Osborne Pickering Quinn Rowley Sutcliffe Thorpe Underwood Vickers Whitaker Yates Atkinson Bell Crossley "
    "Dunn Fenwick Greaves Hewitt Kirby Lomax Metcalfe Nolan Oakes Pollard Rhodes Sharpe Tennant Walsh Akhtar "
    "Chaudhry Mistry Sandhu Okoye Asante Nowicki Byrne Doherty Morgan Pryce Hughes Kaur Begum Mensah Lin"
).split()

# heritage: (boys, girls, surnames)
CHILD_NAMES = {
    "british": (
        "Oliver Noah Leo Arthur Harry Oscar George Theo Jack Alfie Archie Jacob Finley Charlie Freddie Tommy "
        "Riley Mason Logan Harvey Reggie Lewis Kian Tyler Callum Dylan Rory Ethan Kyle Jamie".split(),
        "Amelia Isla Ava Mia Ivy Freya Lily Poppy Grace Evie Ruby Elsie Willow Millie Rosie Ella Lacey Skye "
        "Chloe Erin Leah Kayla Holly Megan Bethany Sophie Jessica Paige Courtney Summer".split(),
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White "
        "Roberts Green Hall Wood Jackson Clarke Hughes Edwards Lewis Price Bennett Chapman Ellis Marsh Parry "
        "Holt Fletcher Barker Shaw Lloyd Turner Hardy Dixon Moss Pearson".split(),
    ),
    "irish": (
        "Patrick Sean Michael John Martin Ciaran Connor".split(),
        "Niamh Bridget Mary Siobhan Kathleen Aoife Roisin".split(),
        "Murphy Byrne Doyle Kelly Ward McDonagh Connors O'Brien Reilly".split(),
    ),
    "roma": (
        "Levi Elijah Tyson Lenny Marek Dusan".split(),
        "Esther Violet Roseanne Denisa Natalia".split(),
        "Lakatos Balog Horvath Kotlar Gabor".split(),
    ),
    "european": (
        "Tomasz Jakub Filip Luca Andrei Mateo Oskar".split(),
        "Zofia Lena Maja Alicja Sofia Elena Daria".split(),
        "Kowalski Nowak Wisniewski Popescu Rossi Silva Lewandowski Ionescu".split(),
    ),
    "south_asian_muslim": (
        "Muhammad Yusuf Ibrahim Ayaan Zayn Hamza Rayan Idris".split(),
        "Aisha Fatima Zara Hana Maryam Inaya Safa Amira".split(),
        "Khan Hussain Ahmed Ali Shah Rahman Iqbal Akhtar Miah Uddin".split(),
    ),
    "indian": (
        "Arjun Rohan Aarav Dev Kabir Harjit".split(),
        "Priya Anaya Diya Riya Meera Simran".split(),
        "Patel Sharma Singh Gill Mistry Chauhan".split(),
    ),
    "african": (
        "Kofi Tobi Emmanuel Samuel Kwame Chidi Femi".split(),
        "Amara Adaeze Ama Blessing Esther Abena Temi".split(),
        "Okafor Mensah Adeyemi Boateng Osei Okonkwo Asante".split(),
    ),
    "caribbean": (
        "Jayden Malachi Tyrese Isaiah Marcus Andre".split(),
        "Aaliyah Shanice Kiara Jada Nia Tia".split(),
        "Campbell Reid Francis Gordon Clarke Bailey".split(),
    ),
    "chinese": ("Jun Wei Hao Kai".split(), "Mei Lin Xin Yan".split(), "Chen Wong Li Zhang Liu".split()),
    "other": (
        "Omar Karim Arman Dilan Rebwar".split(),
        "Layla Rania Shirin Dalia Hevi".split(),
        "Hassan Rahimi Haddad Karimi Mahmoud Aziz".split(),
    ),
}
HERITAGE = {
    Ethnicity.WBRI: "british", Ethnicity.WIRI: "irish", Ethnicity.WIRT: "irish", Ethnicity.WOTH: "european",
    Ethnicity.WROM: "roma", Ethnicity.MWBC: "caribbean", Ethnicity.MWBA: "african",
    Ethnicity.MWAS: "south_asian_muslim", Ethnicity.MOTH: "british", Ethnicity.AIND: "indian",
    Ethnicity.APKN: "south_asian_muslim", Ethnicity.ABAN: "south_asian_muslim", Ethnicity.AOTH: "indian",
    Ethnicity.BCRB: "caribbean", Ethnicity.BAFR: "african", Ethnicity.BOTH: "african", Ethnicity.CHNE: "chinese",
    Ethnicity.OOTH: "other", Ethnicity.NOBT: "british", Ethnicity.REFU: "british",
}
MIXED = (Ethnicity.MWBC, Ethnicity.MWBA, Ethnicity.MWAS, Ethnicity.MOTH)


def child_name(rng, gender, ethnicity):
    """A first name for the child's gender and a surname, both fitting the family's heritage.

    Children of mixed heritage take either parent's surname.
    """
    boys, girls, surnames = CHILD_NAMES[HERITAGE.get(ethnicity, "british")]
    first = rng.choice(girls if gender == Gender.FEMALE else boys)
    if ethnicity in MIXED and rng.random() < 0.5:
        surnames = CHILD_NAMES["british"][2]
    return first, rng.choice(surnames)


class StaffNames:
    """Every staff member a different full name: the pairs in a seeded order, skipping any already taken."""

    def __init__(self, seed, taken):
        pairs = [(first, last) for first in STAFF_FIRST for last in STAFF_LAST]
        random.Random(f"{seed}:staff-names").shuffle(pairs)  # nosec B311: reproducible fictional demo data
        self.pairs = iter(pairs)
        self.taken = set(taken)
        self.extra = 0

    def next(self):
        for pair in self.pairs:
            if pair not in self.taken:
                self.taken.add(pair)
                return pair
        # Beyond the pool (only at benchmark sizes): a numbered surname is still unique.
        while True:
            self.extra += 1
            last = STAFF_LAST[self.extra % len(STAFF_LAST)]
            pair = STAFF_FIRST[self.extra % len(STAFF_FIRST)], f"{last}-{self.extra}"
            if pair not in self.taken:
                self.taken.add(pair)
                return pair
