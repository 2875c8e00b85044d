"""Who the demo is made of: its organizations, staff and applicants' names."""

from clinic.auth.roles import Role

ORGANIZATIONS = [
    (
        "Merrimack Valley Immigrant Center",
        "mvic.example.org",
        "Lawrence, MA · (978) 555-0142 · Mon-Thu 9-5",
        "Lawrence Public Library, 51 Lawrence St",
    ),
    (
        "Pioneer Valley New Citizens Project",
        "pvncp.example.org",
        "Springfield, MA · (413) 555-0178 · Tue and Sat 10-4",
        "Springfield Central Library, 220 State St",
    ),
]
PEOPLE = {
    Role.ADMIN: "Adaeze Okafor",
    Role.COORDINATOR: "Marisol Betancourt",
    Role.VOLUNTEER: "Nguyễn Thị Mai",
    Role.ATTORNEY: "Samuel Goldberg",
}
# (given names, family names, nationality, sex, language)
NAMES = [
    ("Thị Lan", "Nguyễn", "VN", "female", "Vietnamese"),
    ("Văn Minh", "Trần", "VN", "male", "Vietnamese"),
    ("Ana Paula", "Souza", "BR", "female", "Portuguese"),
    ("João", "Ferreira", "BR", "male", "Portuguese"),
    ("María José", "García-López", "DO", "female", "Spanish"),
    ("Luis", "Rodríguez", "DO", "male", "Spanish"),
    ("Djamila", "Tavares", "CV", "female", "Kriolu"),
    ("小明", "王", "CN", "male", "Mandarin"),
    ("محمد", "العلوي", "MA", "male", "Arabic"),
    ("Rosa", "Ixcoy", "GT", "female", "K'iche'"),
    ("Carlos", "Hernández", "SV", "male", "Spanish"),
    ("Priya", "Sharma", "IN", "female", "Hindi"),
    ("Sokha", "Chea", "KH", "female", "Khmer"),
    ("Bishnu", "Gurung", "NP", "male", "Nepali"),
    ("Kwame", "Mensah", "GH", "male", "Twi"),
    ("Olena", "Kovalenko", "UA", "female", "Ukrainian"),
    ("Andrés", "Restrepo", "CO", "male", "Spanish"),
    ("Siobhán", "O'Brien", "IE", "female", "English"),
    ("Łukasz", "Wójcik", "PL", "male", "Polish"),
    ("Maria Cristina", "Dela Cruz", "PH", "female", "Tagalog"),
    ("Ji-woo", "Kim", "KR", "female", "Korean"),
    ("Wanjiru", "Kamau", "KE", "female", "Swahili"),
    ("Guadalupe", "Martínez", "MX", "female", "Spanish"),
    ("Delroy", "Campbell", "JM", "male", "English"),
    ("Noor", "Al-Hashimi", "IQ", "female", "Arabic"),
    ("Selam", "Tesfaye", "ET", "female", "Amharic"),
    ("Rosa María", "Quispe", "PE", "female", "Spanish"),
    ("Elif", "Yılmaz", "TR", "female", "Turkish"),
    ("Georges", "Haddad", "LB", "male", "Arabic"),
    ("Jean-Baptiste", "Pierre", "HT", "male", "Haitian Creole"),
    ("Abdirahman", "Warsame", "SO", "male", "Somali"),
    ("Thu Hà", "Phạm", "VN", "female", "Vietnamese"),
    ("Yesenia", "Peña", "DO", "female", "Spanish"),
    ("Mei", "Chen", "CN", "female", "Cantonese"),
    ("Fatima", "Benali", "MA", "female", "Arabic"),
    ("Manuel", "Silva", "PT", "male", "Portuguese"),
    ("Dmitri", "Ivanov", "RU", "male", "Russian"),
    ("Aminata", "Diallo", "SN", "female", "Wolof"),
    ("Oscar", "Mejía", "HN", "male", "Spanish"),
    ("Hyun-woo", "Park", "KR", "male", "Korean"),
]
