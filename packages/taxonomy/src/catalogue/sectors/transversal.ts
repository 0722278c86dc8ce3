import type { TransversalModule } from '../define';
import { knowledge, skill, withReuseLevel } from '../define';

/** Skills that many occupations across sectors share. */
export const transversalModule: TransversalModule = {
  sector: 'transversal',
  skills: [
    withReuseLevel(
      'transversal',
      skill('work-in-teams', '60c78287-22eb-4103-9c8c-28deaa460da0', [
        'work in a team | teamwork | cooperate with colleagues',
        "travailler en équipe | esprit d'équipe | coopérer avec ses collègues",
        'in teamverband werken | samenwerken | teamwerk',
        'العمل ضمن فريق | العمل الجماعي | التعاون مع الزملاء',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('communicate-with-customers', '0da516ee-e70e-4384-be13-f5ff80be8127', [
        'communicate with customers | talk to customers | welcome clients',
        'communiquer avec la clientèle | accueillir les clients | parler aux clients',
        'communiceren met klanten | klanten te woord staan',
        'التواصل مع الزبائن | التحدث مع العملاء | استقبال العملاء',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('follow-verbal-instructions', 'fc511e12-fe90-40a0-bec8-227abb5e4255', [
        'follow spoken instructions | follow verbal instructions',
        'suivre des consignes orales',
        'mondelinge instructies opvolgen',
        'اتباع التعليمات الشفهية',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('follow-written-instructions', '54d68400-9da3-4077-a7ee-52e68b390ef6', [
        'follow written instructions | follow procedures',
        'suivre des consignes écrites | respecter les procédures',
        'schriftelijke instructies opvolgen | procedures volgen',
        'اتباع التعليمات المكتوبة | الالتزام بالإجراءات',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('wear-protective-gear', '6122d586-5978-431f-8e7a-96e61fc1f3fc', [
        'wear protective equipment | wear PPE | wear safety gear',
        'porter des équipements de protection | porter les EPI',
        'beschermende uitrusting dragen | PBM dragen',
        'ارتداء معدات الوقاية | ارتداء ملابس الحماية',
      ]),
    ),
    withReuseLevel(
      'transversal',
      skill('work-independently', 'c29aa9d2-4da8-4bdd-831c-8d4a2fb51730', [
        'work independently | work without supervision',
        'travailler en autonomie | travailler de manière autonome',
        'zelfstandig werken',
        'العمل باستقلالية | العمل دون إشراف',
      ]),
    ),
    withReuseLevel(
      'transversal',
      skill('solve-problems', 'adc6dc11-3376-467b-96c5-9b0a21edc869', [
        'solve problems | problem solving',
        'résoudre des problèmes | résolution de problèmes',
        'problemen oplossen | probleemoplossend werken',
        'حل المشكلات | إيجاد الحلول',
      ]),
    ),
    withReuseLevel(
      'transversal',
      skill('manage-time', 'd9013e0e-e937-43d5-ab71-0e917ee882b8', [
        'manage time | be punctual | time management',
        'gérer son temps | être ponctuel / ponctuelle | gestion du temps',
        'tijd beheren | stipt zijn | timemanagement',
        'إدارة الوقت | الالتزام بالمواعيد',
      ]),
    ),
    withReuseLevel(
      'sector-specific',
      knowledge('customer-service', '15a33d76-4640-438d-ae64-fdc0c1d3eebc', [
        'customer service | client service',
        'service client | service à la clientèle',
        'klantenservice | klantendienst',
        'خدمة العملاء | خدمة الزبائن',
      ]),
    ),
    withReuseLevel(
      'transversal',
      skill('ensure-customer-orientation', '5b0f2198-7246-4256-a902-4d9ce1260c80', [
        'put the customer first | customer orientation',
        'avoir le sens du client | orientation client',
        'klantgericht werken | klantgerichtheid',
        'التوجه نحو العملاء | وضع العميل في المقام الأول',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('lift-heavy-weights', 'ab2bb44a-3956-4028-8715-8b70b1960b99', [
        'lift heavy loads | carry heavy loads | physical strength',
        'soulever des charges lourdes | porter des charges | force physique',
        'zware lasten tillen | zwaar tilwerk',
        'رفع الأحمال الثقيلة | حمل الأوزان الثقيلة',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('use-hand-tools', '7cd6de25-f691-4aac-81a2-a9d09b004b38', [
        'use hand tools',
        'utiliser des outils à main | outillage manuel',
        'handgereedschap gebruiken',
        'استخدام الأدوات اليدوية',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('use-power-tools', '5bf7f85a-b080-4b27-8ddc-9f62af4643f5', [
        'use power tools | use electric tools',
        'utiliser des outils électroportatifs | outils électriques',
        'elektrisch gereedschap gebruiken',
        'استخدام الأدوات الكهربائية',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('read-blueprints', '68b6ef08-d823-489d-a95c-752ae6f6e6a7', [
        'read plans and blueprints | read technical drawings',
        'lire des plans | lire un dessin technique',
        'bouwtekeningen lezen | technische tekeningen lezen',
        'قراءة المخططات | قراءة الرسومات الفنية',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('keep-work-records', 'ccfbdaad-b91d-4bfe-bd0e-d30b33587f19', [
        'keep records of work done | record work progress',
        'consigner le travail effectué | tenir un suivi des travaux',
        'werkvoortgang bijhouden | werkregistratie bijhouden',
        'تسجيل سير العمل | توثيق الأعمال المنجزة',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('computer-literacy', 'd15ce60f-ddab-41ce-ba56-398451b77b60', [
        'use a computer | computer literacy | basic computer skills',
        "utiliser un ordinateur | maîtrise de l'outil informatique | informatique de base",
        'met een computer werken | computervaardigheden',
        'استخدام الحاسوب | مهارات الحاسوب الأساسية',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('provide-first-aid', '1d21f6ad-340f-45da-a0a3-4e83867f47a6', [
        'give first aid | first aid',
        'porter les premiers secours | secourisme',
        'eerste hulp verlenen | EHBO',
        'تقديم الإسعافات الأولية',
      ]),
    ),
    withReuseLevel(
      'transversal',
      skill('carry-out-calculations', '19ba11f3-9c99-41fd-a7c9-f77e6a026186', [
        'do calculations | basic arithmetic | numeracy',
        'effectuer des calculs | calcul de base',
        'berekeningen maken | rekenvaardigheid',
        'إجراء العمليات الحسابية | الحساب الأساسي',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('keep-work-area-clean', '5598739b-6718-4cff-8402-91d7f65b1505', [
        'keep the work area clean | keep a tidy workplace',
        'maintenir son poste de travail propre | ranger son espace de travail',
        'de werkplek schoonhouden | netjes werken',
        'الحفاظ على نظافة مكان العمل | ترتيب مكان العمل',
      ]),
    ),
    withReuseLevel(
      'transversal',
      skill('adapt-to-change', '49de9958-2aa4-4eef-a89d-fe5d5bcd28c4', [
        'adapt to change | flexibility',
        "s'adapter au changement | flexibilité",
        'zich aanpassen aan veranderingen | flexibiliteit',
        'التكيف مع التغيير | المرونة',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('act-reliably', '25e16679-a7d0-464d-916c-63210001bbab', [
        'be reliable | act reliably | dependability',
        'être fiable | fiabilité | sérieux au travail',
        'betrouwbaar zijn | betrouwbaarheid',
        'الموثوقية | الجدية في العمل',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      knowledge('health-safety-regulations', 'f2f463e5-2382-49cb-8199-e7e043d868df', [
        'health and safety at work | occupational safety rules',
        'santé et sécurité au travail | règles de sécurité',
        'veiligheid en gezondheid op het werk | arboregels',
        'الصحة والسلامة المهنية | قواعد السلامة في العمل',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill(
        'apply-health-safety-standards',
        'dcc96a49-0bac-4a9c-8f8e-a32b4e47e6eb',
        [
          'apply health and safety standards | work safely',
          "appliquer les normes d'hygiène et de sécurité | travailler en sécurité",
          'veiligheids- en gezondheidsnormen toepassen | veilig werken',
          'تطبيق معايير الصحة والسلامة | العمل بأمان',
        ],
        ['health-safety-regulations'],
      ),
    ),
    withReuseLevel(
      'cross-sector',
      skill('work-ergonomically', '156f8c5b-894a-4ccc-a70e-37a2726f3f00', [
        'work ergonomically | use safe postures',
        'travailler de façon ergonomique | adopter les bons gestes et postures',
        'ergonomisch werken | een goede werkhouding aannemen',
        'العمل بوضعيات صحية | مراعاة بيئة العمل المريحة',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('drive-vehicles', '2a82241a-216e-44d8-bb50-6b9a0ef82084', [
        'drive vehicles | drive a car | driving',
        'conduire des véhicules | conduire une voiture | conduite',
        'voertuigen besturen | autorijden',
        'قيادة المركبات | قيادة السيارة',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('process-payments', 'bdcac0c8-b77a-4640-9eaf-c0cf3efd1e23', [
        'take payments | handle cash and card payments',
        'encaisser les paiements | gérer les paiements en espèces et par carte',
        'betalingen verwerken | contant en met de kaart afrekenen',
        'استلام المدفوعات | التعامل مع الدفع النقدي وبالبطاقة',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('personal-hygiene', '0e21e183-e787-4f23-a240-93b416c088c2', [
        'maintain personal hygiene | personal hygiene',
        "respecter l'hygiène personnelle | hygiène corporelle",
        'persoonlijke hygiëne in acht nemen',
        'الحفاظ على النظافة الشخصية',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('comply-with-regulations', '3d3ee5c3-4286-457f-9f76-1704011f7e11', [
        'comply with legal regulations | follow the rules',
        'respecter la réglementation | se conformer à la loi',
        'wet- en regelgeving naleven',
        'الامتثال للأنظمة القانونية | احترام القوانين',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('work-in-shifts', '6f2721bf-40ad-4f5d-8774-a478d1d6f5a6', [
        'work in shifts | shift work | night shifts',
        'travailler en horaires postés | travail posté | travail de nuit',
        'in ploegen werken | ploegendienst | nachtdienst',
        'العمل بنظام المناوبات | العمل الليلي',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('write-reports', '918f5211-b99f-4b29-9a34-6e475583ef55', [
        'write work reports | write reports',
        'rédiger des rapports de travail | rédiger des comptes rendus',
        'werkrapporten schrijven | verslagen maken',
        'كتابة تقارير العمل',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('listen-actively', 'a17286c5-238d-4f0b-bc24-29e9121345de', [
        'listen actively | be a good listener',
        'écouter activement | écoute active',
        'actief luisteren',
        'الإصغاء الفعال | حسن الاستماع',
      ]),
    ),
    withReuseLevel(
      'transversal',
      skill('show-empathy', '77b636e8-fab3-41a8-8022-1e0a354059dc', [
        'show empathy | empathy',
        "faire preuve d'empathie | empathie",
        'empathie tonen | inlevingsvermogen',
        'إظهار التعاطف | التعاطف مع الآخرين',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('observe-confidentiality', '8d202e22-85e9-47b1-a1e0-3296d17244cd', [
        'respect confidentiality | discretion',
        'respecter la confidentialité | discrétion',
        'vertrouwelijkheid respecteren | discretie',
        'الحفاظ على السرية | الكتمان',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('handle-complaints', '28d715e3-3e5b-4fb6-8dd2-4be4919c8587', [
        'handle customer complaints | deal with complaints',
        'traiter les réclamations des clients | gérer les plaintes',
        'klachten van klanten afhandelen',
        'معالجة شكاوى العملاء',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('intercultural-awareness', '7d23c508-c007-4221-bb84-0c9a479b8ea6', [
        'intercultural awareness | work with people from different cultures',
        'sensibilité interculturelle | travailler avec des personnes de cultures différentes',
        'intercultureel bewustzijn | omgaan met culturele verschillen',
        'الوعي بالتنوع الثقافي | التعامل مع ثقافات مختلفة',
      ]),
    ),
    withReuseLevel(
      'sector-specific',
      skill(
        'develop-business-plan',
        'ead58f22-0af5-467c-ac1e-b750e4e1ac6a',
        [
          'write a business plan | develop business plans',
          "élaborer un plan d'affaires | rédiger un business plan",
          'een ondernemingsplan opstellen | businessplan schrijven',
          'إعداد خطة عمل | إعداد خطة مشروع',
        ],
        ['entrepreneurship'],
      ),
    ),
    withReuseLevel(
      'sector-specific',
      skill(
        'manage-small-business',
        '31032902-0909-44ac-a8e7-b6b1d5f52149',
        [
          'run a small business | manage a small enterprise',
          'gérer une petite entreprise | diriger une TPE',
          'een kleine onderneming leiden | een kmo beheren',
          'إدارة مشروع صغير | إدارة منشأة صغيرة',
        ],
        ['entrepreneurship'],
      ),
    ),
    withReuseLevel(
      'cross-sector',
      knowledge('entrepreneurship', '658605f2-1c95-49f0-bd98-0af7b15ad0b0', [
        'entrepreneurship | running your own business',
        "entrepreneuriat | création d'entreprise",
        'ondernemerschap | een eigen zaak runnen',
        'ريادة الأعمال | إدارة مشروع خاص',
      ]),
    ),
    withReuseLevel(
      'sector-specific',
      skill('report-to-team-leader', 'f9411f5f-0bb8-4f92-91c4-38b8b38e5179', [
        'report to the team leader',
        "rendre compte au chef d'équipe",
        'rapporteren aan de ploegleider | terugkoppelen aan de teamleider',
        'رفع التقارير إلى رئيس الفريق',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('sort-waste', '110d7aa3-e44e-4cce-a927-8d4de615f3d9', [
        'sort waste | recycling',
        'trier les déchets | tri sélectif',
        'afval scheiden | afvalsortering',
        'فرز النفايات | إعادة التدوير',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('clean-equipment', '910becaf-d07b-455a-a363-0bf9430afb51', [
        'clean equipment | clean tools and machines',
        'nettoyer le matériel | entretenir les outils et machines',
        'apparatuur reinigen | gereedschap en machines schoonmaken',
        'تنظيف المعدات | تنظيف الأدوات والآلات',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('supervise-staff', '9601b2a8-68e4-4906-9306-a23679b8f0b0', [
        'supervise staff | lead a team',
        'encadrer du personnel | diriger une équipe',
        'personeel begeleiden | leidinggeven aan een team',
        'الإشراف على العاملين | قيادة فريق',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('train-employees', 'e54ff029-1ce9-447d-a5b2-eb7283a23e6e', [
        'train staff | show new colleagues the job',
        'former le personnel | former les nouveaux collègues',
        "personeel opleiden | nieuwe collega's inwerken",
        'تدريب الموظفين | تدريب الزملاء الجدد',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('communicate-by-telephone', 'de2f0ce8-f8d6-48c5-a213-4d065251cecf', [
        'communicate by telephone | answer the phone',
        'communiquer par téléphone | répondre au téléphone',
        'telefonisch communiceren | de telefoon aannemen',
        'التواصل عبر الهاتف | الرد على الهاتف',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('sell-products', '29a50780-f81b-429c-b410-7f23a492e19d', [
        'sell products | sales',
        'vendre des produits | vente',
        'producten verkopen | verkoop',
        'بيع المنتجات | البيع',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill(
        'use-spreadsheets',
        '1973c966-f236-40c9-b2d4-5d71a89019be',
        [
          'use spreadsheets | Excel',
          'utiliser un tableur | Excel',
          'met rekenbladen werken | Excel',
          'استخدام جداول البيانات | إكسل',
        ],
        ['computer-literacy'],
      ),
    ),
    withReuseLevel(
      'cross-sector',
      skill(
        'use-word-processing',
        '81633a44-f1db-4a01-a940-804c6905e330',
        [
          'use word processing software | Word',
          'utiliser un traitement de texte | Word',
          'tekstverwerking gebruiken | Word',
          'استخدام برامج معالجة النصوص | وورد',
        ],
        ['computer-literacy'],
      ),
    ),
    withReuseLevel(
      'transversal',
      skill('cope-with-stress', '7a147904-22b3-498a-b4d9-7bceeb86b45d', [
        'cope with stress | work under pressure',
        'gérer le stress | travailler sous pression',
        'omgaan met stress | onder druk werken',
        'التعامل مع الضغط | العمل تحت الضغط',
      ]),
    ),
    withReuseLevel(
      'transversal',
      skill('willingness-to-learn', '9bf266a6-188b-4d17-a22f-2f266d76832b', [
        'willingness to learn | eager to learn',
        "volonté d'apprendre | curiosité professionnelle",
        'leergierigheid | bereid zijn om te leren',
        'الرغبة في التعلم | حب التعلم',
      ]),
    ),
    withReuseLevel(
      'transversal',
      skill('think-creatively', 'c624c6a3-b0ba-4a31-a296-0d433fe47e41', [
        'be creative | think creatively',
        'faire preuve de créativité | créativité',
        'creatief denken | creativiteit',
        'التفكير الإبداعي | الإبداع',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      knowledge('quality-standards', '8d4271ca-c9fd-40b3-875f-15f78332a49e', [
        'quality standards',
        'normes de qualité',
        'kwaliteitsnormen',
        'معايير الجودة',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill(
        'inspect-product-quality',
        '1a3660c2-011c-4e96-9b1d-529afc305428',
        [
          'check product quality | quality control',
          'contrôler la qualité des produits | contrôle qualité',
          'productkwaliteit controleren | kwaliteitscontrole',
          'فحص جودة المنتجات | مراقبة الجودة',
        ],
        ['quality-standards'],
      ),
    ),
    withReuseLevel(
      'cross-sector',
      skill(
        'use-microsoft-office',
        'f683ae1d-cb7c-4aa1-b9fe-205e1bd23535',
        [
          'use Microsoft Office | office software',
          'utiliser Microsoft Office | logiciels de bureautique',
          'Microsoft Office gebruiken | kantoorsoftware',
          'استخدام برامج مايكروسوفت أوفيس | برامج المكتب',
        ],
        ['computer-literacy'],
      ),
    ),
    withReuseLevel(
      'cross-sector',
      skill('use-communication-devices', '79c366d4-0316-4838-b72e-c3be4f90fbd3', [
        'use a phone and radio | use communication devices',
        'utiliser un téléphone et une radio | utiliser des appareils de communication',
        'telefoon en portofoon gebruiken | communicatiemiddelen gebruiken',
        'استخدام الهاتف وجهاز اللاسلكي | استخدام أجهزة الاتصال',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill('protect-personal-data', '33a82b83-c838-4889-ae62-fae1317481eb', [
        'protect personal data and privacy',
        'protéger les données personnelles et la vie privée',
        'persoonsgegevens en privacy beschermen',
        'حماية البيانات الشخصية والخصوصية',
      ]),
    ),
    withReuseLevel(
      'cross-sector',
      skill(
        'search-information-online',
        'e439742d-558d-4f52-885e-afdc740b48cf',
        [
          'search for information online | browse the internet',
          'rechercher des informations en ligne | naviguer sur internet',
          'online informatie zoeken | op internet zoeken',
          'البحث عن المعلومات عبر الإنترنت | تصفح الإنترنت',
        ],
        ['computer-literacy'],
      ),
    ),
  ],
};
