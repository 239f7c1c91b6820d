"""The literature behind the model: one record per source, cited everywhere by key.

Code, tests and lessons name a source by its key rather than by a free-text citation,
for example ``references.cite('Bagwell2016')`` (gives "Bagwell et al. 2016") or
``references.full('Bagwell2016')`` (the whole citation line). A docstring or comment
that cannot call code simply writes the key, e.g. ``[Bagwell2016]``. Asking for a key
that is not listed raises ``KeyError``, so a typo cannot slip into a lesson unnoticed.

Keys are the first author's surname (both surnames for two-author papers) and the year,
e.g. ``Bagwell2016``, ``HortonHall1989``. Where the author list could not be retrieved
the key is the PubMed Central id or PubMed id, or the journal and year (``PMC7274868``,
``IntOrthop2008``), and ``authors`` is empty. ``year`` is 0 when no year was retrieved
(undated web pages, two articles); ``cite`` then prints "n.d.".

``verified`` is True only when the number (or statement) the project takes from the
source was seen in that source during the literature check (for Salenius & Vankka,
in a textbook that summarises it, as the note says) AND the source itself was
identified by its title and an identifier or journal reference. Everything else is
False: either the number could not be found, or it was found but the bibliographic
record is incomplete; the ``note`` of each entry says which. ``UNVERIFIED`` lists those
keys; treat their numbers as provisional. Bibliographic fields of unverified entries
may come from memory and must be checked before publication.

Plain Python, no third-party imports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    """One literature source and what the project takes from it."""

    key: str
    authors: str
    year: int
    title: str
    journal: str
    volume_pages: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    verified: bool = False
    note: str = ""


_ALL = (
    Reference(
        "AAOS1965", "American Academy of Orthopaedic Surgeons", 1965,
        "Joint Motion: Method of Measuring and Recording",
        "American Academy of Orthopaedic Surgeons, Chicago (booklet)", "",
        verified=False,
        note="Hip range limits 30 deg adduction / 45 deg abduction (subject.py). Record and values not "
             "retrieved; a clinical reference page gives abduction 30-50, adduction 20-30 deg, which "
             "brackets them."),
    Reference(
        "Bagwell2016", "Bagwell JJ, Fukuda TY, Powers CM", 2016,
        "Sagittal plane pelvis motion influences transverse plane motion of the femur: kinematic "
        "coupling at the hip joint",
        "Gait & Posture", "43:120-124",
        verified=True,
        note="Femoral transverse rotation per degree of sagittal pelvic tilt 0.23-0.32 (R2 > 0.97) at "
             "0-90 deg hip flexion; the model uses the midpoint 0.275."),
    Reference(
        "Bell1989", "Bell AL, Brand RA, Pedersen DR", 1989,
        "Prediction of hip joint centre location from external landmarks",
        "Human Movement Science", "8:3-16",
        verified=True,
        note="Hip centre 30% distal, 14% medial, 22% posterior of the ASIS (fractions of inter-ASIS "
             "width), hence inter-hip = 0.72 x inter-ASIS. The 0.19 posterior factor in subject.py is "
             "the Visual3D implementation, not Bell's 22%."),
    Reference(
        "Bellemans2012", "Bellemans J, et al.", 2012,
        "The Chitranjan Ranawat award: is neutral mechanical alignment normal for all patients? "
        "The concept of constitutional varus",
        "Clinical Orthopaedics and Related Research", "470(1):45-53",
        doi="10.1007/s11999-011-1936-5", pmid="21656315",
        verified=True,
        note="Constitutional varus (HKA >= 3 deg varus) in 32% of men and 17% of women, 250 "
             "asymptomatic adults aged 20-27."),
    Reference(
        "Bergmann2001",
        "Bergmann G, Deuretzbacher G, Heller M, Graichen F, Rohlmann A, Strauss J, Duda GN", 2001,
        "Hip contact forces and gait patterns from routine activities",
        "Journal of Biomechanics", "34:859-871",
        verified=False,
        note="Not yet used. Abstract seen: mean peak 238% BW walking at ~4 km/h, slightly less in "
             "one-leg stance. Exact one- and two-leg stance values and the journal page not seen."),
    Reference(
        "BoneJointRes2013", "", 2013,
        "Clinical tibiofemoral angle in south Indian children",
        "Bone & Joint Research", "2:155-161",
        doi="10.1302/2046-3758.28.2000157", pmid="23946543",
        verified=True,
        note="Peak clinical valgus 6.7 +- 1.3 (boys) / 7.25 +- 0.64 deg (girls) at 5-6 y; 360 "
             "children. Author names not retrieved (a recalled attribution is unconfirmed)."),
    Reference(
        "Braun2023", "Braun S, Brenneis M, Holder J, Meurer A, Stief F", 2023,
        "Intra- and interobserver reliability analysis of pediatric lower limb parameters on "
        "digital long leg radiographs",
        "Journal of Orthopaedic Surgery and Research", "18:69",
        doi="10.1186/s13018-023-03552-8", pmcid="PMC9881281",
        verified=True,
        note="Measurement error (SEM95) +-1.39 deg MFA, +-3.31 mm MAD, +-1.06 deg mLDFA, +-1.29 deg "
             "mMPTA in 144 legs of children with valgus."),
    Reference(
        "Farinelli2020", "Farinelli L, Baldini M, Bucci A, Ulisse S, Carle F, Gigante A", 2020,
        "Axial and rotational alignment of lower limb in a Caucasian aged non-arthritic cohort",
        "European Journal of Orthopaedic Surgery & Traumatology", "(2):221-228",
        doi="10.1007/s00590-020-02763-7", pmcid="PMC7875943",
        verified=True,
        note="Anatomic-mechanical angle of the femur median 5 deg (IQR 2.94-6.80), lower in men; "
             "neck-shaft 125.3 deg; anteversion median 16.8 deg."),
    Reference(
        "Fischer2018", "Fischer KM, Willwacher S, Arndt A, Brüggemann G-P", 2018,
        "Calcaneal adduction and eversion are coupled to talus and tibial rotation",
        "Journal of Anatomy", "233(1):64-72",
        doi="10.1111/joa.12813", pmcid="PMC5987802",
        verified=True,
        note="Cadaver coupling of calcaneal eversion to tibial rotation 0.68 +- 0.15 (adduction "
             "0.99 +- 0.10); bounds the model's 0.5 deg shin rotation per deg eversion."),
    Reference(
        "Fujisawa1979", "Fujisawa Y, Masuhara K, Shiomi S", 1979,
        "The effect of high tibial osteotomy on osteoarthritis of the knee: an arthroscopic study "
        "of 54 knee joints",
        "Orthopedic Clinics of North America", "10:585-608",
        verified=False,
        note="Osteotomy target 30-40% lateral of the plateau midpoint - confirmed only as quoted by "
             "Kobayashi2022; the original record was not retrieved (details from memory)."),
    Reference(
        "GroodSuntay1983", "Grood ES, Suntay WJ", 1983,
        "A joint coordinate system for the clinical description of three-dimensional motions: "
        "application to the knee",
        "Journal of Biomechanical Engineering", "105(2):136-144",
        doi="10.1115/1.3138397", pmid="6865355",
        verified=True,
        note="Joint coordinate system for the knee (order-independent angles); the model's knee "
             "abduction readout and kinematic chain follow it."),
    Reference(
        "HeshmatiPourKarimi", "HeshmatiPour M, Karimi MT", 0,
        "Angular profile of the knee in Iranian children: a clinical evaluation",
        "Journal of Research in Medical Sciences (article 7278)", "",
        verified=True,
        note="2268 children aged 8-11: standing intermalleolar 7.51 +- 11.22 mm, intercondylar "
             "3.83 +- 8.1 mm; no age or sex effect. Year and volume not retrieved."),
    Reference(
        "Herrington2011", "Herrington L", 2011,
        "Assessment of the degree of pelvic tilt within a normal asymptomatic population",
        "Manual Therapy", "16(6):646-648",
        doi="10.1016/j.math.2011.04.006", pmid="21658988",
        verified=False,
        note="Confirmed: anterior tilt in 85% of men and 75% of women (120 adults). NOT confirmed: "
             "the mean tilt of ~11 deg (women ~12, men ~10, SD ~4) the model uses; the abstract "
             "gives no means."),
    Reference(
        "HerringtonMunro2010", "Herrington L, Munro A", 2010,
        "Drop jump landing knee valgus angle; normative data in a physically active population",
        "Physical Therapy in Sport", "11:56-59",
        doi="10.1016/j.ptsp.2009.11.004",
        verified=True,
        note="Normal FPPA: single-leg step landing women 5-12, men 1-9 deg; drop jump women 7-13, "
             "men 3-8 deg (100 active adults)."),
    Reference(
        "Hintermann1994", "Hintermann B, et al.", 1994,
        "Transfer of movement between calcaneus and tibia in vitro",
        "Clinical Biomechanics", "9(6):349-355",
        verified=False,
        note="Confirmed only qualitatively (cadavers): transfer varies between specimens, with load "
             "and foot flexion (also PMID 8066535). The 0.3-0.6 ratio credited to 'Nigg/Hintermann' "
             "was not found."),
    Reference(
        "HortonHall1989", "Horton MG, Hall TL", 1989,
        "Quadriceps femoris muscle angle: normal values and relationships with gender and selected "
        "skeletal measures",
        "Physical Therapy", "69(11):897-901",
        verified=False,
        note="Supine Q-angle women 15.8 +- 4.5, men 11.2 +- 3.0 deg (reference.py) - neither the "
             "record nor these values were found; use LivingstonMandigo1997 / PMC164352 instead."),
    Reference(
        "Hsu1990", "Hsu RW, Himeno S, Coventry MB, Chao EY", 1990,
        "Normal axial alignment of the lower extremity and load-bearing distribution at the knee",
        "Clinical Orthopaedics and Related Research", "(255):215-227",
        verified=False,
        note="HKA 1.2 +- 2.2 deg varus was seen only in Nicolella2012 Table 2 (its ref [5], not "
             "shown as Hsu); ~75% medial load in one-leg stance not found. Record not retrieved."),
    Reference(
        "IntOrthop2008", "", 2008,
        "(title not retrieved; article restating Pauwels' frontal-plane hip balance)",
        "International Orthopaedics", "",
        doi="10.1007/s00264-008-0544-9",
        verified=False,
        note="Confirmed in its text: lever k1 ~ 3 x k2, F ~ 3G, R ~ 4G at ~16 deg, ~1/3 BW per hip "
             "in double stance. Authors/title not retrieved; G = 5/6 BW is the project's reading."),
    Reference(
        "JPediatrOrthop2001", "", 2001,
        "Normal development of the tibiofemoral angle in children: a clinical study of 590 normal "
        "subjects from 3 to 17 years of age",
        "Journal of Pediatric Orthopaedics", "",
        pmid="11242264",
        verified=True,
        note="Turkish children: maximal mean valgus 9.6 deg (boys, 7 y) and 9.8 deg (girls, 6 y); "
             "<= 11 deg physiological. Author names not retrieved."),
    Reference(
        "Jamali2017", "Jamali AA, Meehan JP, Moroski NM, Anderson MJ, Lamba R, Parise C", 2017,
        "Do small changes in rotation affect measurements of lower extremity limb alignment?",
        "Journal of Orthopaedic Surgery and Research", "12:77",
        doi="10.1186/s13018-017-0571-6",
        verified=True,
        note="CT, 87 limbs: AMA 5.4 +- 0.7 deg, aTFA 4.8 +- 2.6 deg valgus, mTFA women +0.5 +- 2.9, "
             "men -1.7 +- 2.9 deg; mLDFA 85.6, MPTA 86.1 deg."),
    Reference(
        "KhamisYizhar2007", "Khamis S, Yizhar Z", 2007,
        "Effect of feet hyperpronation on pelvic alignment in a standing position",
        "Gait & Posture", "25(1):127-134",
        doi="10.1016/j.gaitpost.2006.02.005", pmid="16621569",
        verified=True,
        note="Wedge-induced pronation raised internal shank rotation, internal hip rotation and "
             "anterior pelvic tilt (35 adults); direction only, no per-degree ratios."),
    Reference(
        "Kobayashi2022", "Kobayashi et al.", 2022,
        "The relationship between the \"Fujisawa point\" and anatomical femorotibial angle "
        "following simulated open wedge high tibial osteotomy",
        "BMC Musculoskeletal Disorders", "23:776",
        doi="10.1186/s12891-022-05734-7",
        verified=True,
        note="Fujisawa point = WBL at 62.5% of plateau width; post-osteotomy target WBL 60-70% or "
             "3-6 deg mechanical valgus. Full author list not retrieved."),
    Reference(
        "Kuczmarski2002", "Kuczmarski RJ, Ogden CL, Guo SS, et al.", 2002,
        "2000 CDC growth charts for the United States: methods and development",
        "Vital and Health Statistics, Series 11", "(246)",
        verified=False,
        note="Record seen; the median heights/masses for 5-18 y in population.py are recalled and "
             "were not checked against the tables."),
    Reference(
        "Kutzner2010",
        "Kutzner I, Heinlein B, Graichen F, Bender A, Rohlmann A, Halder A, Beier A, Bergmann G", 2010,
        "Loading of the knee joint during activities of daily living measured in vivo in five "
        "subjects",
        "Journal of Biomechanics", "43:2164-2173",
        verified=True,
        note="Instrumented knees: two-legged stance 107% BW, one-legged stance 259% BW, knee bend "
             "253% BW, walking 261% BW (peak resultant, mean of 5)."),
    Reference(
        "Kutzner2013", "Kutzner I, Trepczynski A, Heller MO, Bergmann G", 2013,
        "Knee adduction moment and medial contact force - facts about their correlation during gait",
        "PLoS One", "8:e81036",
        doi="10.1371/journal.pone.0081036",
        verified=True,
        note="In 9 instrumented knees the adduction moment correlates only moderately with medial "
             "contact force over the whole stance phase."),
    Reference(
        "LeeHertel2012", "Lee SY, Hertel J", 2012,
        "Arch height and maximum rearfoot eversion during jogging in 2 static neutral positions",
        "Journal of Athletic Training", "47(1):83-90",
        doi="10.4085/1062-6050-47.1.83",
        verified=True,
        note="Maximum eversion correlates with navicular drop (r = 0.842, subtalar-neutral "
             "reference); no slope given, so the model's 0.8 deg/mm is an assumption."),
    Reference(
        "LivingstonMandigo1997", "Livingston LA, Mandigo JL", 1997,
        "Bilateral within-subject Q angle asymmetry in young adult females and males",
        "Biomedical Sciences Instrumentation", "33:112-117",
        pmid="9731345",
        verified=True,
        note="Standing Q-angle men R 9.5 +- 4.6 / L 10.4 +- 5.7, women R 10.5 +- 4.2 / L 12.2 +- 5.2 "
             "deg; no significant sex difference; side differences >= 4 deg in 24 of 50."),
    Reference(
        "Markolf1976", "Markolf KL, Mensch JS, Amstutz HC", 1976,
        "Stiffness and laxity of the knee - the contributions of the supporting structures. "
        "A quantitative in vitro study",
        "Journal of Bone and Joint Surgery (Am)", "58(5):583-594",
        verified=False,
        note="Not yet used; record not retrieved. Found instead: the 1978 in-vivo study (PMID "
             "681387, JBJS Am 60:664) - mean varus-valgus laxity 6.7 deg in full extension."),
    Reference(
        "McCarney2020",
        "McCarney L, Andrews A, Henry P, Fazalbhoy A, Selva Raj I, Lythgo N, Kendall JC", 2020,
        "Determining Trendelenburg test validity and reliability using 3-dimensional motion "
        "analysis and muscle dynamometry",
        "Chiropractic & Manual Therapies", "",
        doi="10.1186/s12998-020-00344-3",
        verified=True,
        note="Observed Trendelenburg sign agrees only weakly with 3-D pelvic motion (kappa "
             "0.22-0.25) and weakly with abductor strength (18 adults)."),
    Reference(
        "Moreland1987", "Moreland JR, Bassett LW, Hanker GJ", 1987,
        "Radiographic analysis of the axial alignment of the lower extremity",
        "Journal of Bone and Joint Surgery (Am)", "69(5):745-749",
        verified=True,
        note="Background, not yet cited in code: 25 men, HKA 1.5 (R) / 1.1 (L) deg varus; knee "
             "joint line 3.0 / 2.6 deg off perpendicular to the tibial axis."),
    Reference(
        "Munro2012", "Munro A, Herrington L, Carolan M", 2012,
        "Reliability of 2-dimensional video assessment of frontal-plane dynamic knee valgus during "
        "common athletic screening tasks",
        "Journal of Sport Rehabilitation", "21(1):7-11",
        verified=True,
        note="FPPA between-day ICC 0.72-0.91; SEM 2.72-3.01 deg; smallest detectable difference "
             "7.54-8.93 deg."),
    Reference(
        "Murlimanju", "Murlimanju BV, Purushothama C, Srivastava A, et al.", 0,
        "Anatomical morphometry of the tibial plateau in South Indian population",
        "Italian Journal of Anatomy and Embryology", "",
        verified=True,
        note="73 dry tibiae: medial plateau 39.8 x 26.7 mm, lateral 33.6 x 26.1 mm (AP x ML); basis "
             "of the compartment spacing in statics.py. Year not retrieved."),
    Reference(
        "Nguyen2009", "Nguyen AD, Boling MC, Levine B, Shultz SJ", 2009,
        "Relationships between lower extremity alignment and the quadriceps angle",
        "Clinical Journal of Sport Medicine", "19(3):201-206",
        doi="10.1097/JSM.0b013e3181a38fb1",
        verified=True,
        note="218 people: tibiofemoral angle and femoral anteversion predict a larger Q-angle; "
             "pelvic angle and navicular drop do not."),
    Reference(
        "Nicolella2012",
        "Nicolella DP, O'Connor MI, Enoka RM, Boyan BD, Hart DA, Resnick E, Berkley KJ, Sluka KA, "
        "Kwoh CK, Tosi LL, Coutts RD, Havill LM, Kohrt WM", 2012,
        "Mechanical contributors to sex differences in idiopathic knee osteoarthritis",
        "Biology of Sex Differences", "3:28",
        doi="10.1186/2042-6410-3-28", pmcid="PMC3560206",
        verified=True,
        note="Table 2: HKA men -1.5 +- 3.0, women -0.5 +- 2.6 deg (ref [13]); 120 volunteers "
             "1.2 +- 2.2 deg varus (ref [5]) - the model's adult means and HKA range."),
    Reference(
        "Nielsen2009", "Nielsen RG, Rathleff MS, Simonsen OH, Langberg H", 2009,
        "Determination of normal values for navicular drop during walking: a new model correcting "
        "for foot length and gender",
        "Journal of Foot and Ankle Research", "2:12",
        doi="10.1186/1757-1146-2-12", pmid="19422696", pmcid="PMC2685774",
        verified=True,
        note="Static navicular drop means 3.6-8.1 mm in healthy adults; upper limits of normal "
             "15 (Brody), 13 (Beckett), 10 mm (Mueller)."),
    Reference(
        "Ota2017", "Ota S, Ogawa Y, Ota H, Fujiwara T, Sugiyama T, Ochi A", 2017,
        "Beneficial effects of a gait used while wearing a kimono to decrease the knee adduction "
        "moment in healthy adults",
        "PLoS One", "12(6):e0179260",
        doi="10.1371/journal.pone.0179260", pmid="28640896", pmcid="PMC5480874",
        verified=True,
        note="Normal walking, 29 adults aged 21.5 y: first and second peak KAM 0.45 +- 0.09 and "
             "0.45 +- 0.13 N m/kg."),
    Reference(
        "Oyewole2013", "Oyewole OO, et al.", 2013,
        "Development of the tibiofemoral angle in a cohort of Nigerian children during the first "
        "3 years of life",
        "Journal of Children's Orthopaedics", "",
        doi="10.1007/s11832-012-0478-z", pmcid="PMC3593025",
        verified=True,
        note="152 children followed monthly: varus 13.2 +- 3.8 deg at birth, 0.3 +- 2.1 at 18 mo, "
             "valgus 2.4 at 19 mo, 8.5 +- 2.5 at 27 mo, 7.7 +- 2.2 at 36 mo. Co-authors not retrieved."),
    Reference(
        "PMC164352", "", 2002,
        "OPTOTRAK measurement of the quadriceps angle using standardized foot positions",
        "Journal of Athletic Training", "37(3):252-255",
        pmcid="PMC164352",
        verified=True,
        note="Standing Q-angle varies 7.2-12.7 (left) and 11.0-16.1 deg (right) with foot position, "
             "rising with internal foot rotation. Author names not retrieved."),
    Reference(
        "PMC2965044", "", 2010,
        "(title not retrieved; instrumented knee replacement, variable-stiffness shoe, one patient)",
        "Journal of Orthopaedic Research", "",
        pmcid="PMC2965044",
        verified=False,
        note="Confirmed in its introduction: ~60-80% of knee load passes medially (static and "
             "dynamic). Authors and title not retrieved."),
    Reference(
        "PMC4017250", "", 2014,
        "Evaluation of the 3-dimensional, weight-bearing orientation of the normal adult knee",
        "Journal of Arthroplasty", "29(5):906-911",
        doi="10.1016/j.arth.2013.10.024", pmid="24315446", pmcid="PMC4017250",
        verified=True,
        note="100 asymptomatic adults, biplanar 3-D imaging: 70.0% neutral, 19.5% varus, 10.5% "
             "valgus. Author names not retrieved."),
    Reference(
        "PMC7274868", "", 0,
        "(title not retrieved; 2-D FPPA vs 3-D hip and knee angles in women with patellofemoral "
        "pain)",
        "(journal not retrieved)", "",
        pmcid="PMC7274868",
        verified=False,
        note="Confirmed: FPPA 7.2 +- 7.1 -> -8.9 +- 8.9 deg after training; dynamic valgus mostly "
             "hip adduction + knee lateral rotation, strategies vary. Record incomplete."),
    Reference(
        "PMC9703208", "", 0,
        "(title not retrieved; CT morphometry of the proximal tibia in an Indian population)",
        "(journal not retrieved)", "",
        pmcid="PMC9703208",
        verified=True,
        note="Table 5: plateau width Chinese M 76.4 +- 2.8, F 68.8 +- 4.6 mm (quoting Cheng et al.), "
             "Indian M 75.2, F 66.1 mm - the model's plateau widths."),
    Reference(
        "PMID1403307", "", 1992,
        "(title not retrieved; medio-lateral ground reaction force in bipedal stance)",
        "(journal not retrieved)", "",
        pmid="1403307",
        verified=False,
        note="ML ground force ~3% BW toward the midline at shoulder-width stance (statics.py slope) - "
             "record and number not retrieved in this check; author unknown."),
    Reference(
        "PaleyTetsworth1992", "Paley D, Tetsworth K", 1992,
        "Mechanical axis deviation of the lower limbs. Preoperative planning of uniapical angular "
        "deformities of the tibia or femur",
        "Clinical Orthopaedics and Related Research", "(280):48-64",
        pmid="1611764",
        verified=False,
        note="MAD 8 +- 7 mm medial (reference.py) is not in this abstract; seen only on an unsourced "
             "teaching page (appropedia). Paley's 2002 book text was not retrieved."),
    Reference(
        "Pauwels1976", "Pauwels F", 1976,
        "Biomechanics of the Normal and Diseased Hip: Theoretical Foundation, Technique and Results "
        "of Treatment. An Atlas (transl. Furlong RJ, Maquet P)",
        "Springer-Verlag, Berlin (book)", "",
        verified=False,
        note="Record seen, content not: the lever model and its numbers (k1 ~ 3 k2, R ~ 4G) were "
             "confirmed only as restated in IntOrthop2008."),
    Reference(
        "Pohl2015", "Pohl MB, Kendall KD, Patel C, Wiley JP, Emery C, Ferber R", 2015,
        "Experimentally reduced hip-abductor muscle strength and frontal-plane biomechanics during "
        "walking",
        "Journal of Athletic Training", "50(4):385-391",
        doi="10.4085/1062-6050-49.5.07", pmid="25875071", pmcid="PMC4560003",
        verified=True,
        note="Nerve block cut abductor strength in 8 men, yet pelvic drop, hip adduction, trunk lean "
             "and knee adduction moment did not change."),
    Reference(
        "Preece2008", "Preece SJ, Willan P, Nester CJ, Graham-Smith P, Herrington L, Bowker P", 2008,
        "Variation in pelvic morphology may prevent the identification of anterior pelvic tilt",
        "Journal of Manual & Manipulative Therapy", "16(2):113-117",
        doi="10.1179/106698108790818459", pmid="19119397", pmcid="PMC2565125",
        verified=True,
        note="30 cadaver pelves in a reference position: ASIS-PSIS angle 13 +- 5 deg (0-23); "
             "side differences up to 11 deg."),
    Reference(
        "SaleniusVankka1975", "Salenius P, Vankka E", 1975,
        "The development of the tibiofemoral angle in children",
        "Journal of Bone and Joint Surgery (Am)", "57(2):259-261",
        verified=True,
        note="Newborn 10-15 deg varus, ~10 deg valgus near 4 y, ~5 deg by 8 y, SD ~8 deg - numbers "
             "read in a textbook that cites it (Cambridge), not in the paper itself."),
    Reference(
        "ScrantonPT245", "University of Scranton PT245 Biomechanics course notes", 0,
        "Free body diagram: hip abductor muscle force",
        "web page (scranton.edu/faculty/kosmahl/courses/biomechanics/page2.shtml)", "",
        verified=True,
        note="Teaching free-body problem: hip abductor force acts about 70 deg to the horizontal "
             "(statics.py ABDUCTOR_LINE_DEG)."),
    Reference(
        "Shapley1953", "Shapley LS", 1953,
        "A value for n-person games",
        "Contributions to the Theory of Games II, Annals of Mathematics Studies 28", "28:307-317",
        verified=True,
        note="The Shapley value: each factor's share averaged over all orders of joining; used by "
             "attribution.py for the 'why' waterfall."),
    Reference(
        "Sinclair2017", "Sinclair J", 2017,
        "Effects of medial and lateral orthoses on kinetics and tibiocalcaneal kinematics in male "
        "runners",
        "The Foot and Ankle Online Journal", "10(4):1",
        doi="10.3827/faoj.2017.1004.0001",
        verified=True,
        note="12 male runners: peak eversion -12.37 (no orthosis) vs -10.75 deg (5 deg medial "
             "orthosis); tibial internal rotation range 7.47 vs 4.98 deg."),
    Reference(
        "Stacoff2000", "Stacoff A, et al.", 2000,
        "Movement coupling at the ankle during the stance phase of running",
        "Foot & Ankle International", "21(3)",
        doi="10.1177/107110070002100309",
        verified=True,
        note="Bone-pin study of 5 runners: calcaneus-tibia coupling present in all but with "
             "considerable individual differences, higher before midstance."),
    Reference(
        "TakacsHunt2012", "Takacs J, Hunt MA", 2012,
        "The effect of contralateral pelvic drop and trunk lean on frontal plane knee biomechanics "
        "during single limb standing",
        "Journal of Biomechanics", "45(16):2791-2796",
        verified=False,
        note="Not yet used; record and numbers not retrieved (details from memory). Needed before "
             "linking pelvic drop or trunk lean to the knee adduction moment."),
    Reference(
        "WHO2006", "WHO Multicentre Growth Reference Study Group", 2006,
        "WHO Child Growth Standards: length/height-for-age, weight-for-age, weight-for-length, "
        "weight-for-height and body mass index-for-age: methods and development",
        "World Health Organization, Geneva (ISBN 92 4 154693 X)", "",
        verified=False,
        note="Record seen; the 0-5 y median heights/masses and BMI values used in population.py and "
             "subject.py are recalled and were not checked against the tables."),
    Reference(
        "Wheeless", "Wheeless CR", 0,
        "Anatomic axis (Wheeless' Textbook of Orthopaedics)",
        "web textbook (wheelessonline.com)", "",
        verified=True,
        note="Femoral anatomic axis ~6 deg valgus to the mechanical axis (~9 deg to vertical); "
             "tibiofemoral anatomic angle averages 6 deg - the 'textbooks say about 6 deg'."),
    Reference(
        "Winter2009", "Winter DA", 2009,
        "Biomechanics and Motor Control of Human Movement, 4th edition",
        "John Wiley & Sons, Hoboken NJ (book)", "",
        verified=True,
        note="Segment lengths/H thigh 0.245, shank 0.246, ankle 0.039; masses 0.100/0.0465/0.0145 M. "
             "NOT confirmed: the 0.259 H biacromial breadth used in statics.py."),
    Reference(
        "Yoo2008", "Yoo JH, Choi IH, Cho TJ, Chung CY, Yoo WJ", 2008,
        "Development of tibiofemoral angle in Korean children",
        "Journal of Korean Medical Science", "23(4):714-717",
        doi="10.3346/jkms.2008.23.4.714", pmid="18756063", pmcid="PMC2526399",
        verified=True,
        note="452 children: varus before 1 y, neutral at 1.5 y, peak 7.8 deg valgus at 4 y, adult "
             "5-6 deg at 7-8 y."),
    Reference(
        "deLeva1996", "de Leva P", 1996,
        "Adjustments to Zatsiorsky-Seluyanov's segment inertia parameters",
        "Journal of Biomechanics", "29(9):1223-1230",
        verified=True,
        note="Not yet used: male thigh 0.2425 H, shank 0.2493 H, foot 0.1482 H; masses thigh "
             "0.1416/0.1478, shank 0.0433/0.0481 (male/female)."),
    # --- model v2 literature (second check) ---
    Reference(key="Markolf1978", authors="Markolf KL, Graff-Radford A, Amstutz HC", year=1978, title="In vivo knee stability. A quantitative assessment using an instrumented clinical testing apparatus", journal="J Bone Joint Surg Am", volume_pages="60(5):664-674", doi="", pmid="681387", pmcid="", verified=True, note="Mean varus-valgus laxity 6.7 deg at full extension, 49 healthy adults; muscle tensing raised stiffness 2-4x and cut laxity to 25-50%. Authors RECALLED (not shown on the page read); applied moment not in abstract."),
    Reference(key="Aronson2008", authors="Aronson PA, Rijke AM, Ingersoll CD", year=2008, title="Bilateral medial tibiofemoral joint stiffness in full extension and 20 degrees of knee flexion", journal="J Athl Train", volume_pages="43(2):157-163", doi="10.4085/1062-6050-43.2.157", pmid="18345340", pmcid="PMC2267334", verified=True, note="Medial stiffness slope ~16 (extension) vs ~12 (20 deg flexion), 60 N valgus force, 45 healthy adults: ~25% less stiff at 20 deg."),
    Reference(key="Shultz2007b", authors="Shultz SJ, Shimokochi Y, Nguyen AD, Schmitz RJ, Beyn BD, Perrin DH", year=2007, title="Measurement of varus-valgus and internal-external rotational knee laxities in vivo--Part II: relationship with anterior-posterior and general joint laxity in males and females", journal="J Orthop Res", volume_pages="25:989-996", doi="10.1002/jor.20398", pmid="", pmcid="", verified=True, note="Defines V-V laxity as tibial rotation under 0-10 N m, non-weight-bearing; females more lax. No degrees in abstract."),
    Reference(key="Creaby2010", authors="Creaby MW et al.", year=2010, title="Varus-valgus laxity and passive stiffness in medial knee osteoarthritis", journal="Arthritis Care Res", volume_pages="", doi="10.1002/acr.20220", pmid="", pmcid="", verified=True, note="OA vs 32 controls: no difference in total angular laxity; OA less stiff in mid-range. Qualitative only; full author list and volume RECALLED."),
    Reference(key="Creaby2013", authors="Creaby MW et al.", year=2013, title="Self-reported knee joint instability is related to passive mechanical stiffness in medial knee osteoarthritis", journal="BMC Musculoskelet Disord", volume_pages="14:326", doi="10.1186/1471-2474-14-326", pmid="24252592", pmcid="PMC3840574", verified=True, note="Lower passive mid-range V-V stiffness associated with more instability (r=0.27), 73 medial OA."),
    Reference(key="Zhang1997", authors="Zhang LQ, Wang GZ, Chang SL, Rymer WZ", year=1997, title="Passive and active mechanical properties of the human knee joint in abduction-adduction", journal="Proc IEEE EMBS", volume_pages="", doi="10.1109/iembs.1997.757089", pmid="", pmcid="", verified=True, note="Knee much stiffer in ab/adduction than flexion-extension; muscle torque reduces ab/adduction laxity. Qualitative."),
    Reference(key="Freisinger2017", authors="Freisinger GM, Schmitt LC, Wanamaker AB, Siston RA, Chaudhari AMW", year=2017, title="Tibiofemoral osteoarthritis and varus-valgus laxity", journal="J Knee Surg", volume_pages="30(5):440-451", doi="10.1055/s-0036-1592149", pmid="", pmcid="", verified=True, note="Systematic review, 40 studies: laxity larger in OA; large between-device variance; no meta-analysis possible."),
    Reference(key="Markolf1981", authors="Markolf KL, Bargar WL, Shoemaker SC, Amstutz HC", year=1981, title="The role of joint load in knee stability", journal="J Bone Joint Surg Am", volume_pages="63:570-585", doi="", pmid="", pmcid="", verified=False, note="Citation seen in a reference list only; stiffening-by-load numbers NOT FOUND."),
    Reference(key="McLean2005", authors="McLean SG, Walker K, Ford KR, Myer GD, Hewett TE, van den Bogert AJ", year=2005, title="Evaluation of a two dimensional analysis method as a screening and evaluation tool for anterior cruciate ligament injury", journal="Br J Sports Med", volume_pages="39(6):355-362", doi="10.1136/bjsm.2005.018598", pmid="15911607", pmcid="PMC1725240", verified=True, note="2-D frontal knee angles larger on average than 3-D valgus; between-subject r2 0.58 (side step), 0.64 (side jump); shuttle run r2 0.04."),
    Reference(key="StraubPowers2022", authors="Straub RK, Powers CM", year=2022, title="Does the 2D frontal plane projection angle predict frontal plane knee moments during stepping, landing, and change of direction tasks?", journal="Int J Sports Phys Ther", volume_pages="17(7):1259-1270", doi="10.26603/001c.39612", pmid="36518844", pmcid="PMC9718689", verified=True, note="FPPA-3D valgus R2 0-64% across studies; FPPA overestimates; LoA -30 to +17 deg; FPPA explains 12-45% of frontal knee moment."),
    Reference(key="Schurr2017", authors="Schurr SA, Marshall AN, Resch JE, Saliba SA", year=2017, title="Two-dimensional video analysis is comparable to 3D motion capture in lower extremity movement assessment", journal="Int J Sports Phys Ther", volume_pages="12(2):163-172", doi="", pmid="28515970", pmcid="PMC5380858", verified=True, note="SLS: frontal knee 2D-3D r=0.308; sagittal r=0.51-0.93; 26 healthy adults."),
    Reference(key="GwynneCurran2014", authors="Gwynne CR, Curran SA", year=2014, title="Quantifying frontal plane knee motion during single limb squats: reliability and validity of 2-dimensional measures", journal="Int J Sports Phys Ther", volume_pages="9(7):898", doi="", pmid="", pmcid="", verified=True, note="2D vs 3D r=0.64-0.78; ICC 0.86/0.74; SEM 2-4 deg; 18 recreationally active adults."),
    Reference(key="WillsonDavis2008", authors="Willson JD, Davis IS", year=2008, title="Utility of the frontal plane projection angle in females with patellofemoral pain", journal="J Orthop Sports Phys Ther", volume_pages="38(10):606-615", doi="10.2519/jospt.2008.2706", pmid="18827327", pmcid="", verified=False, note="Design read (20 PFPS + 20 controls, SLS, run, jump); result values NOT FOUND."),
    Reference(key="Myer2011", authors="Myer GD, Ford KR, Khoury J, Succop P, Hewett TE", year=2011, title="Biomechanics laboratory-based prediction algorithm to identify female athletes with high knee loads that increase risk of ACL injury", journal="Br J Sports Med", volume_pages="45(4):245-252", doi="10.1136/bjsm.2009.069351", pmid="20558526", pmcid="PMC4019975", verified=True, note="Peak knee abduction angle coefficient 1.78 N m per degree in KAM model (R2 0.78); high KAM > 25.25 N m; 744 female athletes, drop vertical jump. Epub 2010."),
    Reference(key="Herrington2014", authors="Herrington L", year=2014, title="Knee valgus angle during single leg squat and landing in patellofemoral pain patients and controls", journal="Knee", volume_pages="21(2):514-517", doi="10.1016/j.knee.2013.11.011", pmid="24380805", pmcid="", verified=True, note="Asymptomatic females: SLS FPPA 8.4 +/- 5.1 deg, single-leg landing 13.5 +/- 5.7 deg; PFP 16.8 and 21.7 deg."),
    Reference(key="Weeks2015", authors="Weeks BK, Carty CP, Horan SA", year=2015, title="Effect of sex and fatigue on single leg squat kinematics in healthy young adults", journal="BMC Musculoskelet Disord", volume_pages="16:271", doi="10.1186/s12891-015-0739-3", pmid="26423154", pmcid="PMC4590784", verified=True, note="SLS 3-D: peak hip adduction 12.7/14.4 deg (M/F), adduction range 11.7/18.3, pelvic drop -3.1/-4.7 deg, knee ML displacement 66/89 mm; 30 M + 30 F."),
    Reference(key="Zawadka2020", authors="Zawadka M, Smolka J, Skublewska-Paszkowska M, Lukasik E, Bys A, Zielinski G, Gawda P", year=2020, title="Sex-dependent differences in single-leg squat kinematics and their relationship to squat depth in physically active individuals", journal="Sci Rep", volume_pages="", doi="", pmid="", pmcid="", verified=True, note="SLS depth vs sagittal knee angle r=0.87 (M), 0.88 (F); females more hip adduction and IR; 58 adults."),
    Reference(key="Khuu2016", authors="Khuu A, Foch E, Lewis CL", year=2016, title="Not all single leg squats are equal: a biomechanical comparison of three variations", journal="Int J Sports Phys Ther", volume_pages="11(2):201", doi="", pmid="", pmcid="PMC4827363", verified=True, note="Non-stance leg position changes trunk, pelvic drop, hip adduction and knee abduction; analysed at 60 deg and peak knee flexion; 16 healthy women."),
    Reference(key="Lewis2015", authors="Lewis CL, Foch E, Luko MM, Loverro KL, Khuu A", year=2015, title="Differences in lower extremity and trunk kinematics between single leg squat and step down tasks", journal="PLoS One", volume_pages="10(5):e0126258", doi="10.1371/journal.pone.0126258", pmid="", pmcid="", verified=True, note="SLS vs step down at 60 deg and peak knee flexion: SLS less hip adduction, more knee abduction. Volume RECALLED."),
    Reference(key="Bailey2016", authors="Bailey RW, Richards J, Selfe J", year=2016, title="A biomechanical investigation of selected lumbopelvic hip tests: implications for the examination of walking", journal="J Manipulative Physiol Ther", volume_pages="39(6):411-419", doi="", pmid="", pmcid="", verified=True, note="Healthy: pelvic obliquity during Trendelenburg test 11.3/10.8 deg vs walking 8.3; SLS hip sagittal ROM ~42-44 deg, coronal ~9 deg."),
    Reference(key="Lorenzetti2018", authors="Lorenzetti S, Ostermann M, Zeidler F, Zimmer P, Jentsch L, List R, Taylor WR, Schellenberg F", year=2018, title="How to squat? Effects of various stance widths, foot placement angles and level of experience on knee, hip and trunk motion and loading", journal="BMC Sports Sci Med Rehabil", volume_pages="", doi="", pmid="", pmcid="PMC6050697", verified=True, note="Double-leg squat ML knee displacement rises with foot angle, falls with stance width; higher in novices. Qualitative."),
    Reference(key="Fry2003", authors="Fry AC, Smith JC, Schilling BK", year=2003, title="Effect of knee position on hip and knee torques during the barbell squat", journal="J Strength Cond Res", volume_pages="17(4):629-633", doi="", pmid="", pmcid="", verified=True, note="Unrestricted: knee 150.1, hip 28.2 N m (as printed); restricted: knee 117.3, hip 302.7 N m; 7 trained men."),
    Reference(key="Escamilla2008a", authors="Escamilla RF, Zheng N, Macleod TD, Edwards WB, Hreljac A, Fleisig GS, Wilk KE, Moorman CT, Imamura R, Andrews JR", year=2008, title="Patellofemoral joint force and stress between a short- and long-step forward lunge", journal="J Orthop Sports Phys Ther", volume_pages="38(11):681-690", doi="10.2519/jospt.2008.2694", pmid="", pmcid="", verified=True, note="PF force/stress greater with short step between 70 and 90 deg knee flexion; rise with flexion."),
    Reference(key="Escamilla2008b", authors="Escamilla RF, Zheng N, Macleod TD, Edwards WB, Hreljac A, Fleisig GS, Wilk KE, Moorman CT, Imamura R", year=2008, title="Patellofemoral compressive force and stress during the forward and side lunges with and without a stride", journal="Clin Biomech", volume_pages="23:1026-1037", doi="", pmid="", pmcid="", verified=True, note="Side > forward lunge at 80-90 deg; stride > no stride at 10-50 deg."),
    Reference(key="Kotzar1991", authors="Kotzar GM, Davy DT, Goldberg VM, Heiple KG, Berilla J, Heiple KG Jr, Brown RH, Burstein AH", year=1991, title="Telemeterized in vivo hip joint force data: a report on two patients after total hip surgery", journal="J Orthop Res", volume_pages="9:621-633", doi="", pmid="", pmcid="", verified=True, note="Single-leg stance hip force 2.1-2.8 BW; gait peak ~2.7 BW; up to ~5.5 BW in instability."),
    Reference(key="Bergmann1993", authors="Bergmann G, Graichen F, Rohlmann A", year=1993, title="Hip joint loading during walking and running, measured in two patients", journal="J Biomech", volume_pages="26(8):969-990", doi="", pmid="", pmcid="", verified=True, note="Walking 280-480% BW (1-5 km/h), jogging ~550%, stumbling 720-870% BW."),
    Reference(key="Bergmann2016", authors="Bergmann G, Bender A, Dymke J, Duda G, Damm P", year=2016, title="Standardized loads acting in hip implants", journal="PLoS One", volume_pages="11(5):e0155612", doi="10.1371/journal.pone.0155612", pmid="27195789", pmcid="PMC4873223", verified=False, note="Exists; 10 subjects, 9 activities; %BW table not reached."),
    Reference(key="PelvicDropKAM", authors="(authors not shown on the page read)", year=0, title="Contralateral pelvic drop during gait increases knee adduction moments of asymptomatic individuals", journal="", volume_pages="", doi="", pmid="", pmcid="", verified=True, note="~4 deg imposed pelvic drop: peak KAM 0.40 -> 0.55 N m/kg, impulse 0.13 -> 0.16 N m s/kg; 15 healthy; complete the citation before use."),
    Reference(key="Simic2012", authors="Simic M, Hunt MA, Bennell KL, Hinman RS, Wrigley TV", year=2012, title="Trunk lean gait modification and knee joint load in people with medial knee osteoarthritis: the effect of varying trunk lean angles", journal="Arthritis Care Res", volume_pages="", doi="10.1002/acr.21724", pmid="22556125", pmcid="", verified=True, note="6, 9, 12 deg lean toward stance leg reduced all KAM measures, dose-response; 22 medial OA."),
    Reference(key="Hunt2008", authors="Hunt MA, Birmingham TB, Bryant D, Jones I, Giffin JR, Jenkyn TR, Vandervoort AA", year=2008, title="Lateral trunk lean explains variation in dynamic knee joint load in patients with medial compartment knee osteoarthritis", journal="Osteoarthritis Cartilage", volume_pages="", doi="10.1016/j.joca.2007.10.017", pmid="", pmcid="", verified=True, note="Qualitative: lateral trunk lean explains substantial KAM variation. Authors RECALLED; volume/pages not seen."),
    Reference(key="Hunt2010", authors="Hunt MA, Wrigley TV, Hinman RS, Bennell KL", year=2010, title="Individuals with severe knee osteoarthritis (OA) exhibit altered proximal walking mechanics compared with individuals with less severe OA and those without knee pain", journal="Arthritis Care Res", volume_pages="62(10):1426-1432", doi="", pmid="20506534", pmcid="", verified=True, note="Severe OA: 5.0 deg ipsilateral trunk lean, 5.0 deg peak hip adduction; no group difference in contralateral pelvic drop."),
    Reference(key="JOSPTOpen2024", authors="(authors not shown on the page read)", year=2024, title="Influence of walking modification strategies on frontal plane hip joint moment and gait naturalness in healthy adults", journal="JOSPT Open", volume_pages="2(4):306-314", doi="10.2519/josptopen.2024.0463", pmid="", pmcid="", verified=True, note="Large trunk lean: early-stance hip adduction moment -36.7%; 10 healthy."),
    Reference(key="HardcastleNade1985", authors="Hardcastle P, Nade S", year=1985, title="The significance of the Trendelenburg test", journal="J Bone Joint Surg Br", volume_pages="67-B(5):741-746", doi="", pmid="", pmcid="", verified=True, note="Standard test: hold maximal non-stance pelvic elevation 30 s; trunk shift over stance hip is a trick movement; little abductor activity with pelvis dropped. No degrees."),
    Reference(key="Youdas2007", authors="Youdas JW, Mraz ST, Norstad BJ, Schinke JJ, Hollman JH", year=2007, title="Determining meaningful changes in pelvic-on-femoral position during the Trendelenburg test", journal="J Sport Rehabil", volume_pages="16(4):326-335", doi="10.1123/jsr.16.4.326", pmid="", pmcid="", verified=True, note="Single-leg stance pelvis-on-femur 83 +/- 3 deg (76-94), SEM 2 deg, MDC 4 deg; 90 healthy adults."),
    Reference(key="WinterDempster", authors="Winter DA", year=2009, title="Biomechanics and Motor Control of Human Movement, 4th ed. (Dempster data)", journal="Wiley (book)", volume_pages="Table 4.1, Fig. 4.1", doi="", pmid="", pmcid="", verified=True, note="READ-code (mocaptoolbox mcgetsegmpar.m; public code citing Winter): HAT 0.678 M, COM 0.626 of GT-GH from GT; GT 0.530 H, GH 0.818 H. Edition RECALLED."),
    Reference(key="Grelsamer2005", authors="Grelsamer RP, Dubey A, Weinstein CH", year=2005, title="Men and women have similar Q angles: a clinical and trigonometric evaluation", journal="J Bone Joint Surg Br", volume_pages="", doi="", pmid="", pmcid="", verified=True, note="Mean sex difference 2.3 deg; similar Q at equal height; pelvis width effect small. Volume/pages (87-B:1498-1501) RECALLED."),
    Reference(key="Raveendranath2009", authors="Raveendranath V, Nachiket S, Sujatha N, Priya R, Rema D", year=2009, title="The quadriceps angle (Q angle) in Indian men and women", journal="Eur J Anat", volume_pages="13(3):105-109", doi="", pmid="", pmcid="", verified=True, note="Supine Q: F 14.48 +/- 2.02, M 10.98 +/- 1.75 deg; tuberosity lateralisation 1.8 vs 0.9 cm explains it."),
    Reference(key="NigerianQ", authors="(authors not shown on the page read)", year=0, title="Influence of gender and leg dominance on Q-angle among young adult Nigerians", journal="Afr J Physiother Rehabil Sci (ajol ajprs)", volume_pages="", doi="", pmid="", pmcid="", verified=True, note="Standing Q: M 12.30/10.38 (R/L), F 17.06/14.84 deg; 200 M + 200 F, 17-30 y. Complete citation before use."),
    Reference(key="NguyenShultz2007", authors="Nguyen AD, Shultz SJ", year=2007, title="Sex differences in clinical measures of lower extremity alignment", journal="J Orthop Sports Phys Ther", volume_pages="37(7):389-398", doi="10.2519/jospt.2007.2487", pmid="17710908", pmcid="", verified=True, note="Females greater anterior pelvic tilt, anteversion, Q, TFA, recurvatum (P<.0001); 50 M + 50 F."),
    Reference(key="Khasawneh2019", authors="Khasawneh RR, Allouh MZ, AbuElRub E", year=2019, title="Measurement of the quadriceps (Q) angle with respect to various body parameters in young Arab population", journal="PLoS One", volume_pages="", doi="10.1371/journal.pone.0218387", pmid="", pmcid="", verified=True, note="Women > men; Q higher in taller people (500 students) -- conflicts with Grelsamer 2005."),
    Reference(key="Shohat2018", authors="Shohat N, Machluf Y, Farkash R, Finestone AS, Chaiter Y", year=2018, title="Clinical knee alignment among adolescents and association with body mass index: a large prevalence study", journal="Isr Med Assoc J", volume_pages="20(2):75-79", doi="", pmid="", pmcid="", verified=True, note="47,588 conscripts: ICD >= 3 cm 11.4% (M 16.2, F 4.4); IMD >= 4 cm 5.6% (F 9.4, M 2.9)."),
    Reference(key="Gupta2021", authors="Gupta R, Nayyar AK, Ghatak S", year=2021, title="Clinical measurement of intermalleolar distance in Western Indian population", journal="Int J Res Med Sci", volume_pages="", doi="10.18203/2320-6012.ijrms20210430", pmid="", pmcid="", verified=True, note="Adults 20-40 y: standing IMD 42.5 mm (M 40.0, F 43.7); supine 34.5 mm; range 32-58 mm; no SD."),
    Reference(key="Fakour2011", authors="Fakour M, Safikhani Z, Kalantar Mahdavi SR, Razi S", year=2011, title="The relationship between normal intercondylar and intermaleolar distances and epidemiological factors in children 3-16 years of age", journal="Sci Med J (Ahvaz)", volume_pages="10(3):317", doi="", pmid="", pmcid="", verified=True, note="850 children: ICD 1.65 +/- 0.86 cm; IMD 2.31 cm (boys 2.05, girls 2.53)."),
    Reference(key="Lin1999", authors="Lin CJ, Lin SC, Huang W, Ho CS, Chou YL", year=1999, title="Physiological knock-knee in preschool children: prevalence, correlating factors, gait analysis, and clinical significance", journal="J Pediatr Orthop", volume_pages="19(5):650-654", doi="", pmid="10488869", pmcid="", verified=True, note="Prevalence 64% (3-4 y), 44% (4-5 y), 34% (5-6 y); 305 children."),
    Reference(key="StatPearlsGenuValgum", authors="StatPearls", year=2025, title="Genu Valgum", journal="StatPearls Publishing", volume_pages="NBK559244", doi="", pmid="32644670", pmcid="", verified=True, note="IMD > 8 cm considered pathologic; peak physiologic valgus 3-4 y, stable by 7 y."),
    Reference(key="Cheng1991", authors="Cheng JC et al.", year=1991, title="Angular and rotational profile of the lower limb in 2,630 Chinese children", journal="J Pediatr Orthop", volume_pages="", doi="", pmid="", pmcid="", verified=True, note="READ-2nd (Table 3 of PMC2981710): max mean IMD 2.8 cm at 3 y, 0 by 8 y, normal +/-3 cm. Authors/volume RECALLED."),
    Reference(key="Freedman2015", authors="Freedman DS et al.", year=2015, title="Validity of the WHO cutoffs for biologically implausible values of weight, height, and BMI in children and adolescents in NHANES from 1999 through 2012", journal="Am J Clin Nutr", volume_pages="102(5):1000-1006", doi="10.3945/ajcn.115.115576", pmid="26377160", pmcid="", verified=True, note="0.9% of 2-19 y had a WHO BIV, almost all extreme highs and mostly genuine."),
    Reference(key="Bramah2018", authors="Bramah C, Preece SJ, Gill N, Herrington L", year=2018, title="Is there a pathological gait associated with common soft tissue running injuries?", journal="Am J Sports Med", volume_pages="46(12):3023-3031", doi="10.1177/0363546518793657", pmid="30193080", pmcid="", verified=True, note="Each 1 deg more contralateral pelvic drop: +80% odds of being in injured group; 72 injured, 36 controls."),
    Reference(key="Saltelli2010", authors="Saltelli A, Annoni P, Azzini I, Campolongo F, Ratto M, Tarantola S",
              year=2010, title="Variance based sensitivity analysis of model output. Design and estimator for the "
              "total sensitivity index", journal="Comput Phys Commun", volume_pages="181(2):259-270",
              verified=True,
              note="Sampling scheme (A, B and A with column i from B) and the first-order and total-index "
                   "estimators used by biomech.uncertainty.sensitivity; citation seen in several "
                   "sensitivity-analysis packages' documentation."),
    Reference(key="Sabino2012", authors="Sabino GS, et al.", year=2012,
              title="Reliability analysis of the clinical application of the navicular drop test",
              journal="Fisioterapia em Movimento", volume_pages="25(2):301-309", verified=True,
              note="Clinic: navicular drop SEM. Two experienced examiners, 30 feet, plastic calliper: inter-examiner "
                   "ICC 0.93, typical error of measurement 2.16 mm (abstract). Full author list not retrieved."),
    Reference(key="PMID26674136", authors="", year=2015,
              title="Reliability of two methods of clinical examination of the flexibility of the hip adductor "
                    "muscles",
              journal="Int J Sports Phys Ther", volume_pages="10(7):976-983", pmid="26674136", verified=True,
              note="Clinic: hip abduction range SEM. Passive hip abduction with the knee flexed over the plinth "
                   "edge: SEM 2.1 deg, MDC95 5.9 deg; at 90 deg hip flexion SEM 2.2, MDC95 6.2; ICC > 0.90; 50 "
                   "recreational athletes, four sessions (abstract). Authors not shown on the page read."),
    Reference(key="Thorborg2010", authors="Thorborg K, Petersen J, Magnusson SP, Holmich P", year=2010,
              title="Clinical assessment of hip strength using a hand-held dynamometer is reliable",
              journal="Scand J Med Sci Sports", volume_pages="20(3):493-501",
              doi="10.1111/j.1600-0838.2009.00958.x", pmid="19558384", verified=True,
              note="Clinic: hip abductor strength SEM. Test-retest measurement variation between sessions 3-12 %; "
                   "hip abduction below 5 % with the best of four pulls (abstract); 9 active adults, one examiner."),
    Reference(key="Alvarenga2019", authors="Alvarenga G, Kiyomoto HD, Martinez EC, Polesello G, Alves VLS",
              year=2019, title="Normative isometric hip muscle force values assessed by a manual dynamometer",
              journal="Acta Ortop Bras", volume_pages="27(2):124-128", doi="10.1590/1413-785220192702202596",
              pmid="30988661", pmcid="PMC6442714", verified=True,
              note="Clinic: healthy hip abductor strength. 52 women 20-29 y, hand-held dynamometer: abductors "
                   "16.85 % of body weight (95 % CI 16.03-17.66); adductors 16.89 %. No SD in the abstract."),
    Reference(key="Prushansky2008", authors="Prushansky T, Ezra N, Kurse N, Man L, Schneiderman Y", year=2008,
              title="Reproducibility of sagittal pelvic tilt measurements in normal subjects using digital "
                    "inclinometry",
              journal="Gait & Posture", volume_pages="28(3):513-516", verified=False,
              note="Clinic: pelvic tilt SEM. The abstract reports low SEMs without numbers; intra-tester SEM "
                   "0.9-2.26 deg and inter-tester SEM 2.59 deg were seen only in a review's table (PMC8486407)."),
    Reference(key="Weiss2013", authors="Weiss L, DeForest B, Hammond K, Schilling B, Ferreira L", year=2013,
              title="Reliability of goniometry-based Q-angle", journal="PM&R", verified=True,
              note="Clinic: Q-angle SEM. 52 lean young adults, supine with the quadriceps contracted, one tester "
                   "48 h apart: ICC 0.88, SEM 1.0 deg, 95 % limits of agreement 3 deg. Volume and pages not seen."),
    # --- lessons v2: exercises, prevention, children, surgery (literature check for issue 10) ---
    Reference(key="Distefano2009", authors="Distefano LJ, Blackburn JT, Marshall SW, Padua DA", year=2009,
              title="Gluteal muscle activation during common therapeutic exercises",
              journal="J Orthop Sports Phys Ther", volume_pages="39(7):532-540", verified=True,
              note="Gluteus medius EMG: side-lying hip abduction 81 +- 42 % MVIC, more than clam exercises (40 and "
                   "38 %), lunges (48 %) or hops (48 %); single-limb squat and deadlift also high. Co-authors "
                   "Blackburn and Marshall and the volume/pages RECALLED."),
    Reference(key="Ekstrom2007", authors="Ekstrom RA, Donatelli RA, Carp KC", year=2007,
              title="Electromyographic analysis of core trunk, hip, and thigh muscles during 9 rehabilitation "
                    "exercises",
              journal="J Orthop Sports Phys Ther", volume_pages="37(12):754-762", doi="10.2519/jospt.2007.2471",
              pmid="18560185", verified=True,
              note="30 healthy adults: the side-bridge (side plank) activated gluteus medius enough for "
                   "strengthening (over 45 % MVIC). Co-authors Donatelli and Carp RECALLED."),
    Reference(key="Forman2023", authors="Forman DA, Alizadeh S, Button DC, Holmes MWR", year=2023,
              title="The use of elastic resistance bands to reduce dynamic knee valgus in squat-based movements: "
                    "a narrative review",
              journal="Int J Sports Phys Ther", volume_pages="18(5)", doi="10.26603/001c.87764", pmid="37795322",
              pmcid="PMC10547095", verified=True,
              note="A band around the distal thighs is meant to cue the knees outward; studies conflict and only a "
                   "limited number show benefit."),
    Reference(key="MulliganCook2013", authors="Mulligan EP, Cook PG", year=2013,
              title="Effect of plantar intrinsic muscle training on medial longitudinal arch morphology and "
                    "dynamic function",
              journal="Manual Therapy", volume_pages="18(5):425-430", verified=True,
              note="21 asymptomatic adults, short-foot exercise: navicular drop 1.8 mm less after 4 weeks and "
                   "2.2 mm less after 8; arch height index 28 -> 29 %."),
    Reference(key="Wilke2020", authors="Wilke J, Mueller A-L, Giesche F, Power G, Ahmedi H, Behm DG", year=2020,
              title="Acute effects of foam rolling on range of motion in healthy adults: a systematic review with "
                    "multilevel meta-analysis",
              journal="Sports Medicine", volume_pages="50(2):387-402", doi="10.1007/s40279-019-01205-7",
              verified=True,
              note="26 trials: foam rolling raised range of motion acutely compared with no exercise (SMD 0.74) "
                   "but not compared with stretching (SMD -0.02)."),
    Reference(key="Palmer2015", authors="Palmer K, Hebron C, Williams JM", year=2015,
              title="A randomised trial into the effect of an isolated hip abductor strengthening programme and a "
                    "functional motor control programme on knee kinematics and hip muscle strength",
              journal="BMC Musculoskeletal Disorders", volume_pages="16:105", doi="10.1186/s12891-015-0563-9",
              pmid="25935843", pmcid="PMC4424529", verified=True,
              note="29 asymptomatic adults with dynamic valgus, 5 weeks: no significant change in dynamic knee "
                   "valgus or internal rotation after either programme (non-significant 5-10 deg reductions)."),
    Reference(key="Ferber2015", authors="Ferber R, Bolgla L, Earl-Boehm JE, Emery C, Hamstra-Wright K", year=2015,
              title="Strengthening of the hip and core versus knee muscles for the treatment of patellofemoral "
                    "pain: a multicenter randomized controlled trial",
              journal="J Athl Train", volume_pages="50(4):366-377", doi="10.4085/1062-6050-49.3.70",
              pmid="25365133", pmcid="PMC4560005", verified=True,
              note="199 patients, 6 weeks: pain and function improved with both programmes; the hip programme "
                   "eased pain one week earlier and gained more hip-abductor strength."),
    Reference(key="Petushek2019", authors="Petushek EJ, Sugimoto D, Stoolmiller M, Smith G, Myer GD", year=2019,
              title="Evidence-based best-practice guidelines for preventing anterior cruciate ligament injuries "
                    "in young female athletes: a systematic review and meta-analysis",
              journal="Am J Sports Med", pmcid="PMC6592422", verified=True,
              note="18 studies, 27,231 participants: neuromuscular training cut ACL injury risk from 1 in 54 to "
                   "1 in 111 (OR 0.51, 95 % CI 0.37-0.69), more in younger athletes. Journal and year RECALLED; "
                   "numbers read in the PMC abstract."),
    Reference(key="Price2018", authors="Price AJ, Alvand A, Troelsen A, Katz JN, Hooper G, Gray A, Carr A, Beard D",
              year=2018, title="Knee replacement", journal="Lancet", volume_pages="392(10158):1672-1682",
              doi="10.1016/S0140-6736(18)32344-4", verified=True,
              note="Main indication: painful knee osteoarthritis with reduced function; most patients do very "
                   "well, but 20 % or more do not."),
    Reference(key="Munns2016", authors="Munns CF, Shaw N, Kiely M, et al.", year=2016,
              title="Global consensus recommendations on prevention and management of nutritional rickets",
              journal="J Clin Endocrinol Metab", volume_pages="101(2):394-415", doi="10.1210/jc.2015-2175",
              pmid="26745253", pmcid="PMC4880117", verified=True,
              note="Vitamin D and calcium deficiencies cause nutritional rickets, which supplementation and food "
                   "fortification can prevent. Treatment doses were not read in this check."),
    Reference(key="JSteroidBiochem2016", authors="", year=2016, title="Prevention and treatment of nutritional rickets",
              journal="J Steroid Biochem Mol Biol", volume_pages="164:145-147", doi="10.1016/j.jsbmb.2015.10.014",
              pmid="26493853", verified=True,
              note="Abstract: nutritional rickets is treated with oral vitamin D (D2 or D3), often daily for several "
                   "weeks until blood tests and X-rays show healing (single or intermittent high doses also work); "
                   "oral calcium should routinely be given with it. Author not shown on the page read."),
    Reference(key="Sabharwal2009", authors="Sabharwal S", year=2009, title="Blount disease",
              journal="J Bone Joint Surg Am", volume_pages="91:1758-1776", doi="10.2106/JBJS.H.01348", verified=True,
              note="Current concepts review: disordered growth of the medial proximal tibia gives tibial varus "
                   "(with procurvatum and internal torsion); early- and late-onset forms; strong association "
                   "with childhood obesity."),
    Reference(key="Yeo2015", authors="Yeo A, James K, Ramachandran M", year=2015,
              title="Normal lower limb variants in children", journal="BMJ", volume_pages="351:h3394",
              doi="10.1136/bmj.h3394", verified=True,
              note="Bow legs and knock knees are usually normal variants: symmetrical, painless and improving "
                   "with age, while pathological conditions worsen; think of vitamin D deficiency rickets. The "
                   "thresholds (ankle gap under 8 cm, knee gap under 6 cm) were read in a summary of the review."),
    # --- bones and surgery (issue 12; /work notes of the literature check) ---
    Reference(key="MacDessi2021", authors="MacDessi SJ, et al.", year=2021, title="Arithmetic hip-knee-ankle angle (aHKA): an algorithm for estimating constitutional lower limb alignment in the arthritic patient population", journal="Bone & Joint Open", volume_pages="2(5)", doi="10.1302/2633-1462.25.BJO-2021-0028.R1", verified=True, note="aHKA = MPTA - LDFA; 500 normal knees: measured HKA -1.33 (SD 2.34), arithmetic -0.87 (SD 2.54) deg, - = varus; the 0.46 deg gap is the joint lines' convergence. Full author list not seen."),
    Reference(key="Feucht2021", authors="Feucht MJ, Winkler PW, Mehl J, Bode G, Forkel P, Imhoff AB, Lutz PM", year=2021, title="Isolated high tibial osteotomy is appropriate in less than two-thirds of varus knees if excessive overcorrection of the medial proximal tibial angle should be avoided", journal="Knee Surg Sports Traumatol Arthrosc", volume_pages="29(10):3299-3309", doi="10.1007/s00167-020-06166-3", pmid="32691093", pmcid="PMC8458209", verified=True, note="Paley's malalignment test with limits MPTA <= 90 (anatomic) or <= 95 deg (accepted overcorrection), mLDFA >= 85 deg; 303 varus legs: tibial 28 %, femoral 23 %, both 4 %, neither 45 %."),
    Reference(key="Paley2002", authors="Paley D", year=2002, title="Principles of Deformity Correction", journal="Springer, Berlin Heidelberg (book)", doi="10.1007/978-3-642-59373-4", verified=False, note="The malalignment test and its normal ranges (mLDFA and MPTA 85-90 deg, JLCA 0-2 deg) are attributed to this book; its table was not retrieved, so the ranges are used as teaching assumptions consistent with Jamali2017 and Feucht2021."),
    Reference(key="Stiehl1995", authors="Stiehl JB, Abbott BD", year=1995, title="Morphology of the transepicondylar axis and its application in primary and revision total knee arthroplasty", journal="J Arthroplasty", volume_pages="10(6):785-789", doi="10.1016/s0883-5403(05)80075-0", pmid="8749761", verified=True, note="13 cadaver limbs: transepicondylar axis 0.61 deg from square to the femoral mechanical axis; it parallels the knee's flexion axis."),
    Reference(key="Lustig2008", authors="Lustig S, Lavoie F, Selmi TA, Servien E, Neyret P", year=2008, title="Relationship between the surgical epicondylar axis and the articular surface of the distal femur: an anatomic study", journal="Knee Surg Sports Traumatol Arthrosc", volume_pages="16(7):674-682", doi="10.1007/s00167-008-0551-9", verified=True, note="16 dried femurs: mechanical axis nearly square to the epicondylar axis; distal condylar angle 3.1 +- 2.1 deg to that axis. Fifth author's name partly seen."),
    Reference(key="Sabharwal2008", authors="Sabharwal S, Zhao C, Edgar M", year=2008, title="Lower limb alignment in children: reference values based on a full-length standing radiograph", journal="J Pediatr Orthop", volume_pages="28(7):740-746", verified=True, note="At 1-2 years the varus comes from the distal femur: LDFA 95 deg (95 % CI 93-97). Where the later valgus sits was cut off in the text seen."),
    Reference(key="Moon2021", authors="Moon SH, Kwon SS, Park MS, Kim NT, Sung KH", year=2021, title="Change of limb alignment in Korean children and adolescents with idiopathic genu valgum", journal="Medicine (Baltimore)", volume_pages="100(45):e27637", doi="10.1097/md.0000000000027637", verified=True, note="Idiopathic genu valgum: the tibia and joint line carry most valgus in younger children, the femur in older ones."),
    Reference(key="ShirleyDavidson", authors="Shirley ED, Davidson RS", year=0, title="Surgical management of Blount's disease (Operative Techniques in Orthopaedic Surgery, chapter 138)", journal="Textbook chapter", verified=False, note="Infantile Blount's: the varus arises in the proximal tibia only; adolescent: proximal tibia and sometimes the distal femur. Year and publisher not seen."),
    Reference(key="White2012", authors="White CD, Dix-Peek S, van Huyssteen AL, Hoffman EB", year=2012, title="Late-onset Blount's disease", journal="SA Orthopaedic Journal", volume_pages="11(2)", verified=True, note="43 knees: mechanical axis 8-55 deg varus; distal femoral varus (LDFA > 90) in 17 of 43."),
    Reference(key="AlKaissi2013", authors="Al Kaissi A, Farr S, Ganger R, Klaushofer K, Grill F", year=2013, title="Windswept lower limb deformities in patients with hypophosphataemic rickets", journal="Swiss Med Wkly", volume_pages="143:w13904", doi="10.4414/smw.2013.13904", verified=True, note="Hypophosphataemic rickets: anterolateral bowing of the femur with tibia vara is the commonest pattern. No angles."),
    Reference(key="Ballal2010", authors="Ballal MS, Bruce CE, Nayagam S", year=2010, title="Correcting genu varum and genu valgum in children by guided growth: temporary hemiepiphysiodesis using tension band plates", journal="J Bone Joint Surg Br", volume_pages="92(2):273-276", pmid="20130322", verified=True, note="25 children, mean age 11.6 y: 0.7 deg/month at the distal femur, 0.5 at the proximal tibia, 1.2 both; faster under 10 years. PMID inferred from a link."),
    Reference(key="Khaled2018", authors="Khaled M, Abol Oyoun N, Ragab M, Hafez A", year=2018, title="Guided growth with eight-Plate for angular deformities of the knee in children", journal="J Orthop Trauma Surg Rel Res", volume_pages="13(1)", verified=False, note="Mean age 5.7 y: mLDFA corrected 1.3 +- 0.6 deg/month. Title partly seen."),
    Reference(key="BMCMusculoskeletDisord2022", authors="", year=2022, title="Rebound after guided growth for idiopathic genu valgum", journal="BMC Musculoskelet Disord", doi="10.1186/s12891-022-05996-1", verified=False, note="73 limbs: after implant removal 53.4 % stable, 16.4 % overcorrected, 30.1 % rebound. Authors and exact title not seen."),
    Reference(key="EFORT2021", authors="", year=2021, title="Guided growth of the lower limb: complications and how to avoid them (review)", journal="EFORT Open Rev", volume_pages="6:658-668", doi="10.1302/2058-5241.6.200098", pmcid="PMC8419796", verified=False, note="Overcorrection is prevented by review every 3 months; main indication a coronal knee deformity over 10 deg. Authors and exact title not seen."),
    Reference(key="Nakamura2017", authors="Nakamura R, Komatsu N, Fujita K, Kuroda K, Takahashi M, Omi R, Katsuki Y, Tsuchiya H", year=2017, title="Appropriate hinge position for prevention of unstable lateral hinge fracture in open wedge high tibial osteotomy", journal="Bone Joint J", volume_pages="99-B(10):1313-1318", pmid="28963152", verified=True, note="Safest hinge just above the proximal tibiofibular joint, lateral to its medial margin. PMID inferred from a link."),
    Reference(key="BoneSchoolHTO", authors="", year=0, title="High tibial osteotomy: preoperative calculations", journal="boneschool.com (teaching page)", verified=False, note="Describes Miniaci's construction (the wedge angle is the angle at the hinge between the lines to the ankle now and to where the ankle must go) and the 1 mm per degree rule's 56 mm width; tibial width at the flare 75.2 mm. Tertiary."),
    Reference(key="Miniaci1989", authors="Miniaci A, Ballmer FT, Ballmer PM, Jakob RP", year=1989, title="Proximal tibial osteotomy. A new fixation device", journal="Clin Orthop Relat Res", volume_pages="(246):250-259", verified=False, note="Original of the planning construction; not retrieved (its method is known from BoneSchoolHTO)."),
    Reference(key="PMC8495530", authors="", year=2021, title="Latent medial laxity reduction planning for medial open-wedge proximal tibial osteotomy", journal="", pmcid="PMC8495530", verified=False, note="Miniaci plans overcorrected in 55.3 % against 22.8 % with plans that subtract a third of the joint line's change. Authors and journal not seen."),
    Reference(key="Aitken2021", authors="Aitken SA", year=2021, title="Normative values for femoral length, tibial length, and the femorotibial ratio in adults using standing full-length radiography", journal="Osteology", volume_pages="1(2):86-91", doi="10.3390/osteology1020009", verified=True, note="1077 limbs: femur 50.0 cm, tibia 39.0 cm (ratio 1.28); MAD per degree L_f L_t / (L_f + L_t) sin 1 deg = 3.8 mm from them."),
    Reference(key="JChildOrthop2017", authors="", year=2017, title="The orthopaedic management of lower limb deformity in hypophosphataemic rickets", journal="J Child Orthop", verified=False, note="Eight-plates in hypophosphataemic rickets: 0.7 deg/month distal femur, 0.3 proximal tibia; 3 or more years of growth left responded better. Authors and volume not seen."),
    Reference(key="Kornah2019", authors="Kornah B, Abdel-Hameed SK, Abdel-AAl M", year=2019, title="Medial opening wedge high tibial osteotomy (series)", journal="Open J Orthop", volume_pages="9:1-13", verified=False, note="Corrections 11.5 +- 2.5 deg (range 7-19). Title not seen exactly."),
)

#: Every reference by key, in alphabetical order of key (case-insensitive).
REFERENCES: dict[str, Reference] = {r.key: r for r in sorted(_ALL, key=lambda r: r.key.lower())}

#: Keys whose number or record could not be confirmed (computed, so listed in one place).
UNVERIFIED: tuple[str, ...] = tuple(k for k, r in REFERENCES.items() if not r.verified)

_INITIALS = re.compile(r"^[A-Z][A-Z-]{0,4}$")


def _get(key):
    try:
        return REFERENCES[key]
    except KeyError:
        raise KeyError(f"unknown reference key {key!r}; see biomech.references.REFERENCES "
                       f"for the {len(REFERENCES)} known keys") from None


def _surnames(authors):
    """Surnames from "Surname AB, Surname C, ..."; (names, has_more)."""
    names, more = [], False
    for entry in (a.strip() for a in authors.split(",")):
        if not entry:
            continue
        if entry.endswith("et al.") or entry == "et al.":
            more = True
            entry = entry[: -len("et al.")].strip()
            if not entry:
                continue
        words = entry.split()
        if len(words) > 1 and _INITIALS.match(words[-1]):
            words = words[:-1]
        names.append(" ".join(words))
    return names, more


def _year(ref):
    return str(ref.year) if ref.year else "n.d."


def cite(key):
    """Short in-text form: "Bagwell et al. 2016", "Horton & Hall 1989", "Herrington 2011"."""
    ref = _get(key)
    names, more = _surnames(ref.authors)
    if not names:
        if ref.pmcid:
            label = ref.pmcid
        elif not ref.journal.startswith("("):
            label = ref.journal
        else:
            label = f"PMID {ref.pmid}"
        return f"{label} {_year(ref)}"
    if len(names) >= 3 or more:
        who = f"{names[0]} et al."
    elif len(names) == 2:
        who = f"{names[0]} & {names[1]}"
    else:
        who = names[0]
    return f"{who} {_year(ref)}"


def full(key):
    """Full citation line: authors. year. title. journal volume:pages. doi:/PMID/PMCID."""
    ref = _get(key)
    parts = [ref.authors or "(authors not retrieved)", _year(ref), ref.title]
    venue = f"{ref.journal} {ref.volume_pages}".strip()
    parts.append(venue)
    ids = [f"doi:{ref.doi}" if ref.doi else "", f"PMID:{ref.pmid}" if ref.pmid else "", ref.pmcid]
    ids = " ".join(i for i in ids if i)
    if ids:
        parts.append(ids)
    return ". ".join(p.rstrip(".") for p in parts) + "."
