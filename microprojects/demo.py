"""Demo content: the Mikroprojekte programme from FACTS.md, its steps and example projects.

Texts are keyed by language; German is the source. The funded projects are invented
examples and say so in their titles; editors replace them with the real lists.
"""

import datetime
from decimal import Decimal

from contacts.models import Municipality, Person
from documents.models import Document

from .models import FundedProject, FundingProgramme, Step, StepDocument

PROGRAMME_SLUG = "mikroprojekte-integration"
SUBMISSION_EMAIL = "mikroprojekte-kfi@lk-l.de"
# The KIK advise on funding, especially Mikroprojekte (contacts demo slugs).
ADVISERS = ("eichardt", "goetschenberg", "loth")
FOOTNOTE = ("Diese Maßnahme wird mitfinanziert mit Steuermitteln auf Grundlage des vom "
            "Sächsischen Landtag beschlossenen Haushaltes.")

PROGRAMME = {
    "status": FundingProgramme.Status.PAUSED,
    "status_date": datetime.date(2025, 2, 17),
    "max_amount_per_project": Decimal("5000"),
    "max_amount_per_language_course": Decimal("1000"),
    "deadline_day": 31,
    "deadline_month": 10,
    "submission_email": SUBMISSION_EMAIL,
    "submission_subject": "Antrag Mikroprojekt Integration",
    "de": {
        "title": "Mikroprojekte Integration",
        "summary": "Geld für kleine Projekte, die Zugewanderten das Ankommen im Landkreis "
                   "Leipzig erleichtern. Einen Antrag stellen Ehrenamtliche, Vereine und "
                   "Initiativen.",
        "status_title": "Derzeit keine Mittel verfügbar",
        "status_text": (
            "<p>Der Freistaat Sachsen hatte Anfang 2025 noch keinen beschlossenen Haushalt. "
            "Bisher ist nur knapp die Hälfte des nötigen Geldes freigegeben. Deshalb können "
            "wir Mikroprojekte auf absehbare Zeit nicht fördern.</p>"
            "<p>Vielleicht ist eine Förderung in der zweiten Jahreshälfte wieder möglich. "
            "Wir informieren alle Antragstellenden, sobald es Neues gibt.</p>"
        ),
        "eligible_applicants": (
            "ehrenamtliche Initiativen und Privatpersonen\n"
            "kommunale und freie Träger, die mit ihnen zusammenarbeiten\n"
            "Träger der freien Wohlfahrtspflege\n"
            "anerkannte Religionsgemeinschaften"
        ),
        "funded_areas": "Spracherwerb\nOrientierung im neuen Alltag\nKultur- und Sprachmittlung",
        "example_projects": (
            "Sprach- und Gesprächskurse\n"
            "Sprachmittlung\n"
            "Begegnungsprojekte mit kreativen, sportlichen oder handwerklichen Angeboten\n"
            "Kulturvermittlung für Familien, Frauen, Männer oder Kinder mit "
            "Migrationsgeschichte\n"
            "Familienpatenschaften\n"
            "Ausflüge, um die neue Heimatregion kennenzulernen\n"
            "Begegnungs- und Nachbarschaftsfeste"
        ),
        "legal_basis": (
            "<p>Seit 2025 kommt das Geld aus Zuweisungen nach der "
            "Kommunalintegrations-Arbeitsverordnung (KomIntAVO). Sie gilt seit dem 18. September "
            "2024. Aus diesen Zuweisungen bezahlt der Landkreis auch Pflichtaufgaben: kommunale "
            "Integrationsbeauftragte, Rückkehrberatung, Flüchtlingssozialarbeit und "
            "Integrationskoordination.</p>"
        ),
        "co_financing_note": (
            "<p>Mikroprojekte werden mit Steuermitteln bezahlt. Geförderte Projekte weisen in "
            "ihrer Öffentlichkeitsarbeit darauf hin: mit dem Logo des Freistaates Sachsen "
            "(siehe Schritt 5) und mit diesem Satz:</p>"
            f"<blockquote><p>{FOOTNOTE}</p></blockquote>"
        ),
    },
    "en": {
        "title": "Integration micro-projects",
        "summary": "Money for small projects that help newcomers settle in the district of "
                   "Leipzig. Volunteers, associations and initiatives can apply.",
        "status_title": "No funds available at present",
        "status_text": (
            "<p>At the start of 2025 the Free State of Saxony had no adopted budget. So far "
            "only just under half of the money needed has been released. For this reason we "
            "cannot fund micro-projects for the foreseeable future.</p>"
            "<p>Funding may be possible again in the second half of the year. We will tell "
            "all applicants as soon as there is news.</p>"
        ),
        "eligible_applicants": (
            "volunteer initiatives and private individuals\n"
            "municipal and independent providers working with them\n"
            "welfare organisations\n"
            "recognised religious communities"
        ),
        "funded_areas": "learning the language\nfinding your way in everyday life\n"
                        "cultural and language mediation",
        "example_projects": (
            "language and conversation courses\n"
            "language mediation\n"
            "meeting projects with creative, sports or craft activities\n"
            "cultural mediation for families, women, men or children with a migration "
            "background\n"
            "family sponsorships\n"
            "trips to get to know the new home region\n"
            "meeting and neighbourhood festivals"
        ),
        "legal_basis": (
            "<p>Since 2025 the money has come from allocations under the Saxon regulation on "
            "municipal integration work (<span lang=\"de\" dir=\"ltr\">"
            "Kommunalintegrations-Arbeitsverordnung</span>, KomIntAVO), in force since "
            "18 September 2024. The district also pays mandatory tasks from these allocations: "
            "municipal integration commissioners, return counselling, refugee social work and "
            "integration coordination.</p>"
        ),
        "co_financing_note": (
            "<p>Micro-projects are paid for with tax money. Funded projects say so in their "
            "publicity: with the logo of the Free State of Saxony (see step 5) and with this "
            "sentence in German:</p>"
            f"<blockquote><p lang=\"de\" dir=\"ltr\">{FOOTNOTE}</p></blockquote>"
        ),
    },
    "ar": {
        "title": "المشاريع الصغيرة للاندماج",
        "summary": "دعم مالي لمشاريع صغيرة تسهّل على القادمين الجدد الاستقرار في منطقة "
                   "لايبزيغ. يمكن للمتطوعين والجمعيات والمبادرات تقديم طلب.",
        "status_title": "لا تتوفر أموال حاليًا",
        "status_text": (
            "<p>في بداية عام 2025 لم تكن لدى ولاية ساكسونيا ميزانية معتمدة. وحتى الآن لم يُفرج "
            "إلا عن أقل بقليل من نصف الأموال اللازمة. لذلك لا يمكننا تمويل المشاريع الصغيرة في "
            "المستقبل القريب.</p>"
            "<p>قد يصبح التمويل ممكنًا مرة أخرى في النصف الثاني من العام. سنُبلغ جميع مقدّمي "
            "الطلبات فور وجود أخبار جديدة.</p>"
        ),
        "eligible_applicants": (
            "المبادرات التطوعية والأفراد\n"
            "الجهات البلدية والجهات المستقلة التي تتعاون معهم\n"
            "منظمات الرعاية الاجتماعية\n"
            "الطوائف الدينية المعترف بها"
        ),
        "funded_areas": "تعلّم اللغة\nالتعرّف على الحياة اليومية الجديدة\n"
                        "الوساطة الثقافية واللغوية",
        "example_projects": (
            "دورات لغة ودورات محادثة\n"
            "الوساطة اللغوية\n"
            "مشاريع لقاء فيها أنشطة إبداعية أو رياضية أو حرفية\n"
            "وساطة ثقافية للعائلات أو النساء أو الرجال أو الأطفال من أصول مهاجرة\n"
            "مرافقة العائلات (الكفالة العائلية)\n"
            "رحلات للتعرّف على الموطن الجديد\n"
            "احتفالات لقاء واحتفالات الجيران"
        ),
        "legal_basis": (
            "<p>منذ عام 2025 تأتي الأموال من مخصصات وفق لائحة العمل البلدي للاندماج في "
            "ساكسونيا (<span lang=\"de\" dir=\"ltr\">Kommunalintegrations-Arbeitsverordnung, "
            "KomIntAVO</span>) السارية منذ 18 سبتمبر 2024. ومن هذه المخصصات تموّل المنطقة أيضًا "
            "مهامًا إلزامية: مفوّضي الاندماج في البلديات، والإرشاد بشأن العودة، والعمل "
            "الاجتماعي مع اللاجئين، وتنسيق الاندماج.</p>"
        ),
        "co_financing_note": (
            "<p>تُموَّل المشاريع الصغيرة من أموال الضرائب. وتذكر المشاريع المموّلة ذلك في "
            "إعلاناتها: بشعار ولاية ساكسونيا (انظر الخطوة 5) وبهذه الجملة باللغة الألمانية:</p>"
            f"<blockquote><p lang=\"de\" dir=\"ltr\">{FOOTNOTE}</p></blockquote>"
        ),
    },
}

MAILTO = f'<a href="mailto:{SUBMISSION_EMAIL}"><span dir="ltr">{SUBMISSION_EMAIL}</span></a>'

STEPS = [
    {
        "forms": ["uebersicht-mikroprojekte"],
        "de": {"title": "Beraten lassen",
               "explanation": "<p>Sprechen Sie mit der Koordinierungsstelle oder mit der "
                              "Kommunalen Integrationskoordinatorin für Ihren Ort über Ihre "
                              "Idee. Das Team hilft bei der Planung und beim Antrag. Auf Wunsch "
                              "hilft es auch bei der Öffentlichkeitsarbeit und gibt gute "
                              "Beispiele an andere Kommunen weiter.</p>"},
        "en": {"title": "Get advice",
               "explanation": "<p>Talk to the office or to the municipal integration "
                              "coordinator for your town about your idea. The team helps you "
                              "plan the project and apply. On request it also helps with "
                              "publicity and passes good examples on to other towns.</p>"},
        "ar": {"title": "احصل على استشارة",
               "explanation": "<p>تحدّث مع مكتب التنسيق أو مع منسقة الاندماج المسؤولة عن "
                              "مدينتك أو بلدتك عن فكرتك. يساعدك الفريق في التخطيط وفي تقديم "
                              "الطلب، وعند الرغبة أيضًا في الإعلان عن المشروع، وينقل الأمثلة "
                              "الجيدة إلى بلديات أخرى.</p>"},
    },
    {
        "forms": ["antrag-mikroprojekte", "hinweise-antragstellung"],
        "de": {"title": "Antrag zur Vorprüfung schicken",
               "explanation": "<p>Füllen Sie den Antrag aus und lesen Sie die Hinweise. "
                              f"Schicken Sie den Antrag bis zum Stichtag per E-Mail an {MAILTO}. "
                              "Das Team prüft ihn vorab.</p>"},
        "en": {"title": "Send your application for a pre-check",
               "explanation": "<p>Fill in the application form and read the notes. Send the "
                              f"application by e-mail to {MAILTO} by the deadline. The team "
                              "checks it first.</p>"},
        "ar": {"title": "أرسل الطلب للفحص المسبق",
               "explanation": "<p>املأ استمارة الطلب واقرأ الإرشادات. أرسل الطلب قبل الموعد "
                              f"النهائي بالبريد الإلكتروني إلى {MAILTO}. يفحصه الفريق "
                              "مسبقًا.</p>"},
    },
    {
        "forms": [],
        "de": {"title": "Bewilligung erhalten",
               "explanation": "<p>Ist der Antrag förderfähig, erhalten Sie eine Bewilligung. "
                              "Sie nennt den Betrag, den Sie bekommen.</p>"},
        "en": {"title": "Receive the approval",
               "explanation": "<p>If your project can be funded, you receive an approval "
                              "(<span lang=\"de\" dir=\"ltr\">Bewilligung</span>). It states "
                              "the amount you will get.</p>"},
        "ar": {"title": "استلم الموافقة",
               "explanation": "<p>إذا كان مشروعك قابلًا للتمويل تصلك موافقة "
                              "(<span lang=\"de\" dir=\"ltr\">Bewilligung</span>) تذكر المبلغ "
                              "الذي ستحصل عليه.</p>"},
    },
    {
        "forms": ["mittelabforderung"],
        "de": {"title": "Geld abrufen",
               "explanation": "<p>Mit der Mittelabforderung rufen Sie das bewilligte Geld "
                              "ab.</p>"},
        "en": {"title": "Request the money",
               "explanation": "<p>Use the request-of-funds form "
                              "(<span lang=\"de\" dir=\"ltr\">Mittelabforderung</span>) to "
                              "call up the approved money.</p>"},
        "ar": {"title": "اطلب صرف المبلغ",
               "explanation": "<p>استخدم استمارة طلب صرف الأموال "
                              "(<span lang=\"de\" dir=\"ltr\">Mittelabforderung</span>) "
                              "لتحصل على المبلغ الموافق عليه.</p>"},
    },
    {
        "forms": ["teilnehmerliste-mikroprojekte", "teilnehmerliste-sprachkurse", "logo-sachsen"],
        "de": {"title": "Projekt durchführen",
               "explanation": "<p>Führen Sie Ihr Projekt durch. Die Teilnehmenden tragen sich "
                              "in die Teilnehmerliste ein; für Sprachkurse gibt es eine eigene "
                              "Liste. Auf Einladungen und Aushängen zeigen Sie das Logo des "
                              "Freistaates Sachsen.</p>"},
        "en": {"title": "Run the project",
               "explanation": "<p>Run your project. Participants sign the participant list; "
                              "language courses have a list of their own. Show the logo of the "
                              "Free State of Saxony on invitations and posters.</p>"},
        "ar": {"title": "نفّذ المشروع",
               "explanation": "<p>نفّذ مشروعك. يسجّل المشاركون أسماءهم في قائمة المشاركين، "
                              "ولدورات اللغة قائمة خاصة بها. ضع شعار ولاية ساكسونيا على الدعوات "
                              "والملصقات.</p>"},
    },
    {
        "forms": ["verwendungsnachweis", "zahlenmaessiger-nachweis", "sachbericht"],
        "de": {"title": "Verwendung nachweisen",
               "explanation": "<p>Nach dem Projekt zeigen Sie, wofür Sie das Geld ausgegeben "
                              "haben: mit dem Verwendungsnachweis, dem zahlenmäßigen Nachweis "
                              "und einem kurzen Sachbericht.</p>"},
        "en": {"title": "Show how the money was used",
               "explanation": "<p>After the project you show what you spent the money on: "
                              "with the proof of use, the statement of figures and a short "
                              "narrative report.</p>"},
        "ar": {"title": "أثبت كيف استُخدم المال",
               "explanation": "<p>بعد انتهاء المشروع تبيّن فيمَ أنفقت المال: بإثبات الاستخدام، "
                              "والكشف الرقمي، وتقرير موجز عن المشروع.</p>"},
    },
]

# (year, town, category, amount, German, English, Arabic) – each: (title, description).
EXAMPLE_PROJECTS = [
    (2022, "Borna", "language_course", "950.00",
     ("Gesprächskreis Deutsch für Frauen", "Wöchentliches Treffen zum Deutschsprechen im Alltag, "
                                           "mit Kinderbetreuung."),
     ("German conversation group for women", "A weekly meeting to practise everyday German, "
                                             "with childcare."),
     ("حلقة محادثة بالألمانية للنساء", "لقاء أسبوعي لممارسة الألمانية اليومية مع رعاية "
                                       "للأطفال.")),
    (2022, "Grimma", "festival", "2400.00",
     ("Interkulturelles Nachbarschaftsfest", "Ein Fest mit Musik und Essen aus vielen Ländern "
                                             "für alle im Viertel."),
     ("Intercultural neighbourhood festival", "A festival with music and food from many "
                                              "countries for everyone in the area."),
     ("احتفال الجيران بين الثقافات", "احتفال بالموسيقى وأطعمة من بلدان كثيرة لكل سكان "
                                     "الحي.")),
    (2022, "Wurzen", "excursion", "1800.00",
     ("Familienausflug ins Leipziger Neuseenland", "Ein Tagesausflug, um die Seen und Orte der "
                                                   "Region kennenzulernen."),
     ("Family trip to the Leipzig lake district", "A day trip to get to know the lakes and "
                                                  "towns of the region."),
     ("رحلة عائلية إلى منطقة البحيرات قرب لايبزيغ", "رحلة ليوم واحد للتعرّف على بحيرات "
                                                   "المنطقة وبلداتها.")),
    (2023, "Markkleeberg", "language_mediation", "3200.00",
     ("Sprachmittlung bei Elternabenden", "Ehrenamtliche übersetzen bei Elternabenden und "
                                          "Gesprächen in Kita und Schule."),
     ("Language mediation at parents' evenings", "Volunteers interpret at parents' evenings "
                                                 "and meetings in nursery and school."),
     ("الوساطة اللغوية في اجتماعات أولياء الأمور", "يترجم متطوعون في اجتماعات أولياء الأمور "
                                                   "واللقاءات في الروضة والمدرسة.")),
    (2023, "Colditz", "encounter", "4100.00",
     ("Interkultureller Gemeinschaftsgarten", "Alteingesessene und Zugezogene legen gemeinsam "
                                              "einen Garten an und pflegen ihn."),
     ("Intercultural community garden", "Long-time residents and newcomers create and tend "
                                        "a garden together."),
     ("حديقة مجتمعية بين الثقافات", "يزرع السكان القدامى والقادمون الجدد حديقة ويعتنون بها "
                                    "معًا.")),
    (2023, "Naunhof", "culture_mediation", "2750.00",
     ("Küchen der Welt: Kochen und Erzählen", "Frauen kochen Gerichte ihrer Heimat und erzählen "
                                              "davon."),
     ("Kitchens of the world: cooking and stories", "Women cook dishes from their home "
                                                    "countries and talk about them."),
     ("مطابخ العالم: طبخ وحكايات", "تطبخ نساء أطباقًا من بلدانهن ويتحدثن عنها.")),
    (2023, "Böhlen", "family_sponsorship", "1500.00",
     ("Familienpatenschaften", "Familien aus dem Ort begleiten neu angekommene Familien durch "
                               "das erste Jahr."),
     ("Family sponsorships", "Local families accompany newly arrived families through their "
                             "first year."),
     ("مرافقة العائلات", "ترافق عائلات من البلدة العائلات القادمة حديثًا خلال سنتها "
                         "الأولى.")),
    (2023, "Brandis", "language_course", "1000.00",
     ("Sprachcafé am Markt", "Jeden Donnerstag Deutsch üben bei Kaffee und Kuchen."),
     ("Language café on the market square", "Practise German every Thursday over coffee and "
                                            "cake."),
     ("مقهى اللغة في ساحة السوق", "تمرّن على الألمانية كل يوم خميس مع القهوة والكعك.")),
    (2024, "Frohburg", "encounter", "3500.00",
     ("Fußball verbindet", "Ein offenes Fußballtraining für Kinder und Jugendliche aus allen "
                           "Ländern."),
     ("Football connects", "Open football training for children and young people from all "
                           "countries."),
     ("كرة القدم تجمعنا", "تدريب مفتوح لكرة القدم للأطفال والشباب من جميع البلدان.")),
    (2024, "Zwenkau", "festival", "5000.00",
     ("Begegnungsfest am See", "Ein Sommerfest am Zwenkauer See mit Vereinen und "
                               "Initiativen."),
     ("Meeting festival by the lake", "A summer festival at Lake Zwenkau with local "
                                      "associations and initiatives."),
     ("احتفال لقاء عند البحيرة", "احتفال صيفي عند بحيرة تسفنكاو مع الجمعيات والمبادرات.")),
    (2024, "Bad Lausick", "other", "1250.00",
     ("Nähwerkstatt für alle", "Gemeinsam nähen, reparieren und dabei Deutsch sprechen."),
     ("Sewing workshop for everyone", "Sewing and mending together while speaking German."),
     ("ورشة خياطة للجميع", "الخياطة والتصليح معًا مع التحدث بالألمانية.")),
    (2024, "Geithain", "culture_mediation", "900.50",
     ("Erzählcafé: Heimat hier und dort", "Ältere Menschen von hier und Zugewanderte erzählen "
                                          "sich von ihrer Heimat."),
     ("Story café: home here and there", "Older local people and newcomers tell each other "
                                         "about their homes."),
     ("مقهى الحكايات: الوطن هنا وهناك", "يتبادل كبار السن من هنا والقادمون الجدد الحكايات عن "
                                        "أوطانهم.")),
]
EXAMPLE_LABEL = {"de": "(Beispiel)", "en": "(example)", "ar": "(مثال)"}
# A no-break space keeps "e. V." together when the table cell wraps.
EXAMPLE_ORGANISATION = "Beispielverein {town} e.\u00a0V."


def _translated(texts, languages=("de", "en", "ar")):
    return {f"{name}_{language}": value
            for language in languages for name, value in texts.get(language, {}).items()}


def _load_programme():
    created = 0
    plain = {key: value for key, value in PROGRAMME.items() if len(key) > 2}
    programme, was_created = FundingProgramme.objects.get_or_create(
        slug=PROGRAMME_SLUG, defaults={**plain, **_translated(PROGRAMME)},
    )
    created += was_created
    programme.contact_persons.add(*Person.objects.filter(slug__in=ADVISERS))
    documents = Document.objects.in_bulk([slug for step in STEPS for slug in step["forms"]],
                                         field_name="slug")
    for order, spec in enumerate(STEPS, start=1):
        step, was_created = Step.objects.get_or_create(
            programme=programme, order=order, defaults=_translated(spec),
        )
        created += was_created
        for position, slug in enumerate(spec["forms"], start=1):
            # A form the documents demo did not create is left out, not invented here.
            if slug in documents:
                _link, was_created = StepDocument.objects.get_or_create(
                    step=step, document=documents[slug], defaults={"order": position},
                )
                created += was_created
    return created


def _load_examples():
    created = 0
    towns = Municipality.objects.in_bulk([spec[1] for spec in EXAMPLE_PROJECTS],
                                         field_name="name")
    for year, town, category, amount, *texts in EXAMPLE_PROJECTS:
        if town not in towns:
            continue
        values = {}
        for language, (title, description) in zip(("de", "en", "ar"), texts, strict=True):
            values[f"title_{language}"] = f"{title} {EXAMPLE_LABEL[language]}"
            values[f"description_{language}"] = description
        _project, was_created = FundedProject.objects.get_or_create(
            year=year, title_de=values.pop("title_de"),
            organisation=EXAMPLE_ORGANISATION.format(town=town),
            defaults={"municipality": towns[town], "category": category,
                      "amount": Decimal(amount), **values},
        )
        created += was_created
    return created


def load():
    return _load_programme() + _load_examples()
