"""The Spanish text of the demo content, for the demo loader's Spanish pages.

Data only. Each constant is keyed by the English demo's own slugs or names (those of
ilrc_site/demo/home.py, pages.py and site_chrome.py, publications/demo.py, demo_policy.py
and demo_topics.py, programs/demo.py, and the ResourceType data migrations), which the
loader matches, and holds the Spanish for the same fields under the same keys. Proper
names (Immigrant Legal Resource Center, ILRC, the programs, bill and form numbers) stay
as they are.
"""

# The home page (ilrc_site/demo/home.py): the HomePage fields it sets, by field name.
# The heading is the organisation's name and stays in English.
HOME = {
    "title": "Inicio",
    "slug": "inicio",
    "hero_heading": "Immigrant Legal Resource Center",
    "hero_tagline": (
        "Trabajamos junto a las personas inmigrantes, las organizaciones comunitarias y el sector "
        "legal, y les ofrecemos formación, para ayudar a construir una sociedad democrática que "
        "valore la diversidad y los derechos de todas las personas"
    ),
    "search_description": (
        "Trabajamos junto a las personas inmigrantes, las organizaciones comunitarias y el sector "
        "legal, y les ofrecemos formación, para ayudar a construir una sociedad democrática que "
        "valore la diversidad y los derechos de todas las personas"
    ),
    "featured_title": "Intervenciones de política local para proteger a las personas inmigrantes",
    "featured_teaser": (
        "Las políticas locales son el motor principal de la actuación policial, de los procesos "
        "penales y de la maquinaria de deportación. Este recurso ofrece ejemplos de lenguaje "
        "normativo eficaz que los gobiernos locales pueden adoptar para proteger a los miembros de "
        "su comunidad."
    ),
    "programs_heading": "Proyectos y redes",
    "latest_heading": "Publicaciones recientes",
}

# Alt text of the home page's demo photos, by file name in ilrc_site/demo/images/.
IMAGE_ALT = {
    "people-with-flags.jpg": "Personas en una sala sosteniendo banderas de Estados Unidos.",
    "protest-signs.jpg": "Personas en una protesta sosteniendo pancartas.",
}

# Main navigation labels (ilrc_site/demo/site_chrome.py NAVIGATION), by the English
# slug of the page each links to; for NavigationLink.label_translations.
NAVIGATION = {
    "resources": "Recursos",
    "programs": "Programas",
    "local-policy-interventions": "Política local",
    "about": "Quiénes somos",
    "contact": "Contacto",
}

# The resource library (PublicationIndexPage in publications/demo.py).
LIBRARY = {
    "title": "Recursos",
    "slug": "recursos",
    "intro": (
        "Guías prácticas, explicaciones, avisos para la práctica legal y comentarios públicos para "
        "proveedores de servicios legales, defensores y comunidades inmigrantes."
    ),
}

# Resource type names (publications/migrations 0003 and 0005), by ResourceType slug;
# for ResourceType.name_translations.
TYPES = {
    "toolkits-reports": "Guías prácticas e informes",
    "faqs-explainers": "Preguntas frecuentes y explicaciones",
    "public-comments": "Comentarios públicos y cartas de adhesión",
    "practice-advisories": "Avisos para la práctica legal",
    "community-explainers": "Guías para la comunidad",
    "newsletters-annual-reports": "Boletines e informes anuales",
    "stories": "Historias",
}

# Topic names, by the English name in publications/demo.py TOPICS; for
# Topic.name_translations.
TOPICS = {
    "DACA": "DACA",
    "TPS": "TPS",
    "Public Charge": "Carga pública",
    "Immigrant Youth / SIJS": "Jóvenes inmigrantes / SIJS",
    "U Visa / T Visa / VAWA": "Visa U / Visa T / VAWA",
    "Asylum": "Asilo",
    "Citizenship and Naturalization": "Ciudadanía y naturalización",
    "Immigration Enforcement": "Control migratorio",
    "Crimes and Immigration": "Delitos e inmigración",
    "Post-Conviction Relief": "Alivio posterior a la condena",
    "Policy Advocacy": "Incidencia en políticas públicas",
    "Civic Participation": "Participación cívica",
}

# Publications, by source_slug: the English demo page's slug, slugify(title)[:80].
# The first five are the organisation's five Latest Items (SEED_PUBLICATIONS), in
# order; the rest are generated publications most useful to communities. body is
# [(heading, paragraph text)], one h2 heading and one paragraph per section.
PUBLICATIONS = [
    {
        "source_slug": "border-communities-speak-what-texas-border-residents-actually-need",
        "title": (
            "Hablan las comunidades fronterizas: lo que de verdad necesitan quienes viven en la "
            "frontera de Texas"
        ),
        "slug": "hablan-las-comunidades-fronterizas-lo-que-necesitan-en-la-frontera-de-texas",
        "summary": (
            "Mientras los políticos montan una y otra vez su temerario espectáculo en la frontera, "
            "el ILRC encuestó a quienes viven allí sobre sus necesidades reales y sobre cómo les "
            "ha afectado la llegada masiva de fuerzas del orden. Encontramos que, mientras el "
            "estado de Texas gasta cada vez más dinero en policía y cárceles, los gobiernos "
            "locales carecen de fondos y las comunidades no cuentan con los servicios más básicos, "
            "como agua potable, calles pavimentadas y alumbrado público."
        ),
        "body": [
            (
                "Lo que nos dijeron los residentes",
                (
                    "Nuestro equipo y organizaciones aliadas encuestaron a familias, trabajadores, "
                    "estudiantes y personas mayores de comunidades fronterizas de Texas. La "
                    "mayoría no pidió más patrullas ni más muros: pidió agua potable segura, "
                    "caminos que no se inunden con cada tormenta, clínicas cercanas, transporte "
                    "público y escuelas con recursos suficientes. Muchas personas contaron que la "
                    "presencia constante de agentes estatales y federales las hace sentirse "
                    "vigiladas en su propio barrio y las disuade de llamar a la policía o de "
                    "acudir a los servicios públicos."
                ),
            ),
            (
                "El costo de la militarización",
                (
                    "Desde 2021, Texas ha destinado miles de millones de dólares a la Operación "
                    "Lone Star, que despliega a la Guardia Nacional y a la policía estatal en la "
                    "frontera y encarcela a personas migrantes por delitos estatales como la "
                    "entrada ilegal a una propiedad privada. Ese dinero no ha llegado a los "
                    "condados fronterizos en forma de infraestructura ni de servicios: en muchas "
                    "colonias, las familias siguen sin drenaje, sin calles pavimentadas y sin "
                    "alumbrado público."
                ),
            ),
            (
                "Nuestras recomendaciones",
                (
                    "El informe pide al estado que destine los fondos de la Operación Lone Star a "
                    "lo que las propias comunidades señalaron como prioritario —agua, vivienda, "
                    "salud y educación— y que ponga fin a las políticas que convierten a los "
                    "residentes fronterizos y a las personas migrantes en blanco de la persecución "
                    "penal. También ofrece herramientas para que los gobiernos locales y las "
                    "organizaciones comunitarias defiendan estas prioridades ante sus autoridades."
                ),
            ),
        ],
    },
    {
        "source_slug": "community-explainer-the-daca-final-rule-and-what-it-means-for-you",
        "title": "Guía para la comunidad: la regla final de DACA y lo que significa para usted",
        "slug": "guia-para-la-comunidad-la-regla-final-de-daca-y-lo-que-significa-para-usted",
        "summary": (
            "El 30 de agosto de 2022, el gobierno de Biden publicó una nueva regla sobre la Acción "
            "Diferida para los Llegados en la Infancia (DACA) que incorpora el programa a las "
            "regulaciones federales, un paso para darle fuerza de ley. Desde su anuncio han "
            "surgido muchas preguntas sobre quién puede acceder hoy a DACA y qué significa para "
            "quienes esperan obtenerlo por primera vez. Esta guía para la comunidad explica cómo "
            "afecta la regla a los beneficiarios actuales de DACA, cómo influyen las batallas "
            "judiciales en curso en la aplicación del programa, y más."
        ),
        "body": [
            (
                "¿Qué cambia con la regla final?",
                (
                    "La regla entró en vigor el 31 de octubre de 2022 y mantiene los requisitos "
                    "que DACA ha tenido desde 2012: haber llegado a los Estados Unidos antes de "
                    "cumplir 16 años, haber tenido menos de 31 años el 15 de junio de 2012, haber "
                    "vivido en el país de forma continua desde el 15 de junio de 2007, estar "
                    "estudiando o haberse graduado (o ser veterano con baja honorable) y no tener "
                    "ciertos antecedentes penales. Quienes ya tienen DACA conservan su acción "
                    "diferida y su permiso de trabajo, y pueden seguir presentando sus solicitudes "
                    "de renovación como hasta ahora."
                ),
            ),
            (
                "¿Y quienes lo solicitan por primera vez?",
                (
                    "Por orden de un tribunal federal de Texas, el Servicio de Ciudadanía e "
                    "Inmigración de los Estados Unidos (USCIS) puede recibir solicitudes iniciales "
                    "de DACA, pero no puede aprobarlas mientras siga vigente esa orden. Si usted "
                    "nunca ha tenido DACA, puede presentar su solicitud, pero tenga en cuenta que "
                    "por ahora no recibirá una decisión y que no le devolverán lo que pague. Antes "
                    "de hacerlo, consulte con un abogado o un representante acreditado de "
                    "confianza para saber si le conviene y si califica para otra forma de "
                    "protección."
                ),
            ),
            (
                "Las batallas judiciales continúan",
                (
                    "El caso Texas contra los Estados Unidos sigue en los tribunales, y su "
                    "resultado podría cambiar el futuro del programa. Mientras tanto, renueve su "
                    "DACA a tiempo —entre 120 y 150 días antes de que venza—, guarde copias de "
                    "todos sus documentos y desconfíe de los notarios o «consultores» que prometen "
                    "resultados: solo un abogado o un representante acreditado por el Departamento "
                    "de Justicia (DOJ) puede darle asesoría legal."
                ),
            ),
        ],
    },
    {
        "source_slug": "community-explainer-u-t-and-s-visas-and-californias-ab-1261",
        "title": "Guía para la comunidad: las visas U, T y S y la ley AB 1261 de California",
        "slug": "guia-para-la-comunidad-las-visas-u-t-y-s-y-la-ley-ab-1261-de-california",
        "summary": (
            "Si usted no tiene estatus migratorio y ha sido víctima de un delito, ha servido como "
            "testigo para las autoridades o ha sido víctima de trata de personas, podría tener "
            "derecho a solicitar ciertas formas de estatus migratorio, conocidas como visas U, T y "
            "S. En la mayoría de los casos, el trámite de estas visas requiere la ayuda de una "
            "agencia del orden público. Esta guía para la comunidad explica cómo una nueva ley de "
            "California, la AB 1261, busca proteger mejor a las personas inmigrantes que solicitan "
            "estas formas de alivio y garantizar que las agencias del orden público de California "
            "las ayuden cuando lo necesiten."
        ),
        "body": [
            (
                "¿Qué son las visas U, T y S?",
                (
                    "La visa U protege a víctimas de ciertos delitos graves —como la violencia "
                    "doméstica, la agresión sexual o la extorsión— que sufrieron un daño físico o "
                    "mental considerable y que han ayudado, o están dispuestas a ayudar, en la "
                    "investigación. La visa T protege a sobrevivientes de la trata de personas con "
                    "fines laborales o sexuales. La visa S es para testigos e informantes que "
                    "aportan información clave sobre una organización criminal; a diferencia de "
                    "las otras dos, la solicitud la presenta la propia agencia del orden público. "
                    "Las visas U y T dan permiso de trabajo y, con el tiempo, un camino a la "
                    "residencia permanente."
                ),
            ),
            (
                "La certificación de las autoridades",
                (
                    "Para la visa U, una agencia debe certificar en el Formulario I-918, "
                    "Suplemento B, que la víctima ha colaborado. Para la visa T, la declaración de "
                    "la agencia (Formulario I-914, Suplemento B) no es obligatoria, pero fortalece "
                    "mucho el caso. Desde hace años, la ley de California obliga a la policía, a "
                    "la fiscalía y a las demás agencias certificadoras a responder a estas "
                    "peticiones en plazos fijos: 30 días, o 7 días si la persona está en proceso "
                    "de deportación."
                ),
            ),
            (
                "Lo que cambia con la AB 1261",
                (
                    "La AB 1261, vigente desde el 1 de enero de 2024, prohíbe que una agencia se "
                    "niegue a certificar por los antecedentes penales o el historial migratorio de "
                    "la víctima y la obliga a explicar por escrito cualquier rechazo. Aclara que "
                    "pueden pedir la certificación las víctimas directas, las indirectas (como los "
                    "familiares de una persona asesinada) y los testigos que también resultaron "
                    "víctimas, aunque ya no estén en los Estados Unidos y sin exigirles una "
                    "identificación oficial. Además, la agencia debe responder en 7 días si un "
                    "familiar que podría beneficiarse de la solicitud perderá su elegibilidad en "
                    "los próximos 60 días, por ejemplo, un hijo a punto de cumplir 21 años. La ley "
                    "también se ocupa, por primera vez, de los testigos e informantes que buscan "
                    "la visa S."
                ),
            ),
        ],
    },
    {
        "source_slug": "comment-opposing-mandatory-bars-to-asylum-at-the-fear-screening-stage",
        "title": (
            "Comentario en contra de aplicar impedimentos obligatorios al asilo en la evaluación "
            "de miedo"
        ),
        "slug": "comentario-contra-impedimentos-obligatorios-al-asilo-en-la-evaluacion-de-miedo",
        "summary": (
            "El 12 de junio, el ILRC presentó un comentario en contra de la regla propuesta por el "
            "gobierno de Biden que busca aplicar ciertos impedimentos obligatorios al asilo en la "
            "etapa de evaluación de miedo. La regla propuesta contradice la conclusión a la que "
            "llegó antes el propio gobierno: que una política así sería incompatible con la "
            "intención de la ley. Además, privaría a quienes buscan asilo de la oportunidad de "
            "acceder a los procedimientos de asilo, al añadir impedimentos jurídicamente complejos "
            "a la evaluación preliminar de elegibilidad."
        ),
        "body": [
            (
                "¿Qué propone la regla?",
                (
                    "En mayo de 2024, el Departamento de Seguridad Nacional (DHS) propuso que los "
                    "oficiales de asilo puedan aplicar ciertos impedimentos obligatorios desde la "
                    "entrevista de miedo creíble, como los relacionados con la seguridad nacional "
                    "o el terrorismo, o con haber cometido un delito particularmente grave. Hoy "
                    "esos impedimentos se examinan más adelante, cuando la persona puede presentar "
                    "su caso completo ante un juez de inmigración o un oficial de asilo."
                ),
            ),
            (
                "Por qué nos oponemos",
                (
                    "La entrevista de miedo creíble es solo una evaluación preliminar: busca "
                    "determinar si existe una posibilidad significativa de que la persona "
                    "califique para recibir protección. Analizar impedimentos jurídicamente "
                    "complejos en esa etapa —muchas veces con la persona detenida, sin abogado y a "
                    "pocos días de haber huido del peligro— aumentaría el riesgo de devolver a la "
                    "persecución o a la tortura a personas con solicitudes de asilo legítimas. En "
                    "2022, el propio gobierno concluyó que aplicar estos impedimentos en la "
                    "evaluación inicial era ineficiente y contrario a la intención del Congreso."
                ),
            ),
            (
                "Lo que pedimos",
                (
                    "El ILRC pidió al DHS que retire la regla propuesta y que, en su lugar, "
                    "garantice el acceso a representación legal durante las evaluaciones de miedo, "
                    "ofrezca intérpretes calificados y proteja el derecho de toda persona a que su "
                    "solicitud de asilo se examine de manera completa y justa."
                ),
            ),
        ],
    },
    {
        "source_slug": "post-conviction-relief-for-immigrants-in-california-closing-the-gap",
        "title": (
            "Alivio posterior a la condena para personas inmigrantes en California: cerrar la "
            "brecha"
        ),
        "slug": "alivio-posterior-a-la-condena-para-inmigrantes-en-california-cerrar-la-brecha",
        "summary": (
            "Miles de personas sin ciudadanía estadounidense en California corren el riesgo de ser "
            "deportadas por condenas penales que se impusieron de forma ilegal. La ley de "
            "California ofrece varias vías para anular estas condenas mediante el alivio posterior "
            "a la condena (PCR, por sus siglas en inglés). El problema es que no hay suficientes "
            "especialistas en PCR para atender la necesidad, sobre todo la de las personas "
            "inmigrantes de bajos ingresos."
        ),
        "body": [
            (
                "Por qué la limpieza de antecedentes común no basta",
                (
                    "Muchas personas creen que una «expungement» —la eliminación de antecedentes "
                    "bajo la sección 1203.4 del Código Penal— borra una condena para efectos "
                    "migratorios, pero en general no es así. Para las autoridades de inmigración, "
                    "una condena solo deja de contar cuando se anula por un error legal o procesal "
                    "en el caso original, por ejemplo, porque la persona no recibió asesoría "
                    "adecuada sobre las consecuencias migratorias de declararse culpable."
                ),
            ),
            (
                "Las herramientas que ofrece California",
                (
                    "La sección 1473.7 del Código Penal permite pedir la anulación de una condena "
                    "cuando la persona no pudo entender de manera significativa las consecuencias "
                    "migratorias de su declaración de culpabilidad, defenderse de ellas o "
                    "aceptarlas con conocimiento, incluso si ya cumplió su sentencia. Otras vías "
                    "son la sección 1016.5, cuando el tribunal no le advirtió de esas "
                    "consecuencias, y la sección 1203.43, para ciertos casos de juicio diferido "
                    "por drogas."
                ),
            ),
            (
                "Cerrar la brecha",
                (
                    "Estos casos exigen conocer a fondo tanto el derecho penal como el migratorio, "
                    "y son muy pocos los abogados que dominan ambos. El informe propone capacitar "
                    "a más defensores públicos y abogados privados, financiar servicios gratuitos "
                    "de PCR para personas de bajos ingresos y crear redes de referencia entre las "
                    "organizaciones de inmigración y las oficinas de defensa pública."
                ),
            ),
        ],
    },
    {
        "source_slug": "practice-advisory-renewing-daca-after-the-fifth-circuit-decision",
        "title": (
            "Aviso para la práctica legal: cómo renovar DACA después de la decisión del Quinto "
            "Circuito"
        ),
        "slug": "aviso-practica-legal-renovar-daca-despues-de-la-decision-del-quinto-circuito",
        "summary": (
            "Este aviso para la práctica legal explica la situación jurídica de las renovaciones "
            "de DACA tras la decisión de la Corte de Apelaciones del Quinto Circuito, con "
            "estrategias, ejemplos de casos y listas de verificación para abogados y "
            "representantes acreditados por el Departamento de Justicia (DOJ). Incluye "
            "recomendaciones para evaluar otras formas de alivio migratorio en cada consulta de "
            "renovación."
        ),
        "body": [
            (
                "Qué decidió el Quinto Circuito",
                (
                    "La Corte de Apelaciones del Quinto Circuito confirmó en lo esencial que el "
                    "DACA de 2012 es ilegal, pero mantuvo la suspensión que protege a quienes ya "
                    "tienen el beneficio y devolvió el caso al tribunal de distrito para que "
                    "examinara la regla final. Mientras tanto, el USCIS sigue tramitando las "
                    "solicitudes de renovación y de permiso de trabajo de los beneficiarios "
                    "actuales, pero no aprueba solicitudes iniciales."
                ),
            ),
            (
                "Cómo preparar una renovación",
                (
                    "Presente el Formulario I-821D, el Formulario I-765 y la hoja de trabajo "
                    "I-765WS entre 120 y 150 días antes del vencimiento. Revise cualquier arresto, "
                    "cargo o condena posterior a la última aprobación, así como los viajes al "
                    "extranjero sin permiso adelantado, porque pueden afectar la elegibilidad. Si "
                    "el DACA venció hace más de un año, la solicitud debe presentarse como inicial."
                ),
            ),
            (
                "Cada renovación, una evaluación completa",
                (
                    "Ante la incertidumbre del programa, aproveche cada consulta para evaluar si "
                    "la persona califica para una vía más estable: una petición familiar, la visa "
                    "U o T, el estatus de Jóvenes Inmigrantes Especiales (SIJS), el asilo o el "
                    "ajuste de estatus tras un viaje con permiso adelantado. Documente la "
                    "evaluación y explique al cliente sus opciones por escrito."
                ),
            ),
        ],
    },
    {
        "source_slug": "community-explainer-advance-parole-for-daca-recipients",
        "title": (
            "Guía para la comunidad: el permiso adelantado (advance parole) para beneficiarios de "
            "DACA"
        ),
        "slug": "guia-para-la-comunidad-el-permiso-adelantado-para-beneficiarios-de-daca",
        "summary": (
            "Una explicación en lenguaje sencillo sobre el permiso adelantado para las personas "
            "con DACA y sus familias: quién puede salir del país y regresar, qué riesgos hay y "
            "dónde encontrar ayuda legal de confianza. Le recomendamos hablar con un abogado antes "
            "de presentar su solicitud o de hacer cualquier viaje."
        ),
        "body": [
            (
                "¿Qué es el permiso adelantado?",
                (
                    "El permiso adelantado (advance parole) es un documento que permite a una "
                    "persona con DACA salir de los Estados Unidos y volver legalmente. Se pide al "
                    "USCIS con el Formulario I-131 y se concede por motivos educativos (como un "
                    "programa de estudios en el extranjero), laborales (como una conferencia o una "
                    "capacitación) o humanitarios (como visitar a un familiar enfermo o asistir a "
                    "un funeral). Viajar de vacaciones no es un motivo válido."
                ),
            ),
            (
                "Un posible camino a la residencia",
                (
                    "Si usted entró al país sin inspección, salir y regresar con permiso "
                    "adelantado puede cumplir el requisito de entrada legal que exige la ley para "
                    "ajustar su estatus. Así, algunas personas —por ejemplo, quienes están casadas "
                    "con un ciudadano estadounidense o son hijos solteros menores de 21 años de un "
                    "ciudadano— pueden solicitar la residencia permanente sin salir del país. Cada "
                    "caso es distinto: un abogado debe revisar su historial antes de que haga "
                    "planes."
                ),
            ),
            (
                "Antes de viajar",
                (
                    "No viaje si tiene una orden de deportación anterior o ciertos antecedentes "
                    "penales, ni si su DACA o su permiso adelantado están por vencer. Regrese "
                    "antes de la fecha que indica el documento y lleve copias de sus papeles de "
                    "DACA. El permiso adelantado no garantiza el reingreso: un agente de Aduanas y "
                    "Protección Fronteriza (CBP) revisará su caso en el puerto de entrada."
                ),
            ),
        ],
    },
    {
        "source_slug": "comment-on-tps-redesignation-for-venezuela",
        "title": "Comentario sobre la redesignación del TPS para Venezuela",
        "slug": "comentario-sobre-la-redesignacion-del-tps-para-venezuela",
        "summary": (
            "El ILRC presentó este comentario sobre la redesignación del Estatus de Protección "
            "Temporal (TPS) para Venezuela, en el que explica cómo la decisión afectaría a las "
            "comunidades inmigrantes y qué debería hacer el gobierno. Pedimos una nueva fecha de "
            "residencia continua que incluya a quienes llegaron hace poco y un proceso de "
            "solicitud accesible para todas las familias."
        ),
        "body": [
            (
                "Por qué Venezuela necesita el TPS",
                (
                    "La crisis política, económica y humanitaria de Venezuela ha obligado a "
                    "millones de personas a abandonar el país. La escasez de alimentos y "
                    "medicinas, el colapso de los servicios públicos y la represión contra "
                    "opositores y periodistas hacen imposible un regreso seguro. El TPS protege de "
                    "la deportación y permite trabajar legalmente a quienes no pueden volver a su "
                    "país por condiciones extraordinarias."
                ),
            ),
            (
                "Nuestras recomendaciones",
                (
                    "Pedimos al Departamento de Seguridad Nacional (DHS) que redesigne a Venezuela "
                    "con una nueva fecha de residencia continua, para que puedan solicitar el TPS "
                    "quienes llegaron después de la designación original; que extienda "
                    "automáticamente los permisos de trabajo de los beneficiarios actuales "
                    "mientras se tramitan sus renovaciones; y que publique la información en "
                    "español en cuanto anuncie su decisión."
                ),
            ),
            (
                "Proteger a los solicitantes del fraude",
                (
                    "Cada anuncio sobre el TPS atrae a notarios y supuestos consultores que cobran "
                    "por trámites que no pueden hacer. Pedimos al USCIS que difunda con claridad "
                    "los plazos, las tarifas y las exenciones de tarifa, y que colabore con "
                    "organizaciones comunitarias para que las familias reciban ayuda de confianza "
                    "al presentar sus solicitudes."
                ),
            ),
        ],
    },
    {
        "source_slug": "practice-advisory-travel-and-adjustment-for-tps-holders",
        "title": (
            "Aviso para la práctica legal: viajes y ajuste de estatus para beneficiarios del TPS"
        ),
        "slug": "aviso-practica-legal-viajes-y-ajuste-de-estatus-para-beneficiarios-del-tps",
        "summary": (
            "Este aviso para la práctica legal explica la ley sobre los viajes y el ajuste de "
            "estatus de las personas con Estatus de Protección Temporal (TPS), con estrategias, "
            "ejemplos de casos y listas de verificación para abogados y representantes acreditados "
            "por el DOJ. Analiza cuándo un viaje autorizado puede abrir el camino a la residencia "
            "permanente y qué riesgos hay que evaluar antes."
        ),
        "body": [
            (
                "El TPS y la residencia permanente",
                (
                    "Para efectos del ajuste de estatus, la ley considera que la persona con TPS "
                    "mantiene un estatus legal de no inmigrante. Sin embargo, en Sanchez v. "
                    "Mayorkas (2021), la Corte Suprema decidió que recibir el TPS no equivale a "
                    "una admisión, por lo que quien entró sin inspección no puede ajustar su "
                    "estatus solo por tener TPS."
                ),
            ),
            (
                "Viajar con autorización",
                (
                    "Según la política actual del USCIS, la persona con TPS que sale del país con "
                    "autorización de viaje previa y regresa es inspeccionada y admitida en el "
                    "mismo estatus que tenía. Ese regreso puede cumplir el requisito de admisión "
                    "para el ajuste de estatus, por ejemplo, cuando la persona es cónyuge o hijo "
                    "soltero menor de 21 años de un ciudadano estadounidense, o padre o madre de "
                    "un ciudadano mayor de 21 años."
                ),
            ),
            (
                "Antes de recomendar un viaje",
                (
                    "Revise los antecedentes penales, las órdenes de deportación previas, la "
                    "presencia ilegal acumulada y cualquier reingreso posterior a una deportación, "
                    "porque en ciertos casos un viaje puede tener consecuencias graves. Confirme "
                    "que la autorización de viaje y el TPS seguirán vigentes durante todo el "
                    "viaje, y prepare al cliente para la inspección en el puerto de entrada."
                ),
            ),
        ],
    },
    {
        "source_slug": "community-explainer-the-2022-public-charge-rule",
        "title": "Guía para la comunidad: la regla de carga pública de 2022",
        "slug": "guia-para-la-comunidad-la-regla-de-carga-publica-de-2022",
        "summary": (
            "Una explicación en lenguaje sencillo sobre la regla de carga pública de 2022 para las "
            "personas inmigrantes y sus familias: a quién afecta, qué beneficios públicos se toman "
            "en cuenta y dónde encontrar ayuda legal de confianza. La mayoría de las familias "
            "pueden seguir usando los servicios de salud, alimentación y vivienda a los que tienen "
            "derecho sin poner en riesgo su caso migratorio."
        ),
        "body": [
            (
                "¿Qué es la carga pública?",
                (
                    "Al decidir ciertas solicitudes de residencia permanente, el gobierno evalúa "
                    "si es probable que la persona llegue a depender principalmente del gobierno "
                    "para subsistir. La regla de 2022, vigente desde el 23 de diciembre de 2022, "
                    "solo toma en cuenta la ayuda en efectivo para mantener los ingresos —como el "
                    "SSI, la TANF o la asistencia general en efectivo estatal o local— y la "
                    "atención institucional de largo plazo pagada por el gobierno."
                ),
            ),
            (
                "Beneficios que no cuentan",
                (
                    "No se toman en cuenta Medicaid (Medi-Cal en California), salvo para atención "
                    "institucional de largo plazo, ni los cupones de alimentos (SNAP o CalFresh), "
                    "WIC, la vivienda pública, los almuerzos escolares, las vacunas ni las pruebas "
                    "y el tratamiento de COVID-19. Tampoco cuentan los beneficios que reciben sus "
                    "hijos u otros familiares."
                ),
            ),
            (
                "¿A quién no se le aplica?",
                (
                    "La carga pública no se aplica a refugiados ni asilados, a solicitantes de la "
                    "visa U o T, a quienes presentan una autopetición de VAWA, a jóvenes con SIJS "
                    "ni a quienes solicitan el TPS o DACA. Tampoco se aplica cuando un residente "
                    "permanente solicita la ciudadanía. Si tiene dudas, consulte con un abogado o "
                    "un representante acreditado antes de renunciar a un beneficio al que tiene "
                    "derecho."
                ),
            ),
        ],
    },
    {
        "source_slug": "comment-on-certifying-u-visa-applications",
        "title": "Comentario sobre la certificación de las solicitudes de visa U",
        "slug": "comentario-sobre-la-certificacion-de-las-solicitudes-de-visa-u",
        "summary": (
            "El ILRC presentó este comentario sobre la certificación de las solicitudes de visa U, "
            "en el que explica cómo la propuesta afectaría a las comunidades inmigrantes y qué "
            "debería hacer la agencia en su lugar. Sin una certificación firmada por las "
            "autoridades, ninguna víctima puede obtener la visa U; por eso, cualquier obstáculo en "
            "este paso deja sin protección a sobrevivientes de delitos graves."
        ),
        "body": [
            (
                "Por qué importa la certificación",
                (
                    "La ley exige que toda petición de visa U incluya el Formulario I-918, "
                    "Suplemento B, firmado por una agencia certificadora: la policía, la fiscalía, "
                    "un juez u otras agencias con facultades de investigación, como las de "
                    "derechos laborales o de protección infantil. Muchas agencias tardan meses en "
                    "responder o se niegan a firmar sin dar razones, y la víctima no tiene cómo "
                    "apelar esa decisión."
                ),
            ),
            (
                "Nuestras recomendaciones",
                (
                    "Pedimos al USCIS que mantenga una definición amplia de colaboración, que "
                    "incluya la ayuda pasada, presente o probable en el futuro; que acepte "
                    "certificaciones firmadas hace más de seis meses cuando la demora no sea culpa "
                    "de la víctima; y que publique guías claras para las agencias certificadoras. "
                    "También pedimos un período de gracia amplio cada vez que cambien los "
                    "formularios, para que nadie tenga que conseguir una nueva certificación solo "
                    "por un cambio de versión."
                ),
            ),
        ],
    },
    {
        "source_slug": "vawa-self-petitions-for-abused-spouses-a-toolkit-for-advocates",
        "title": (
            "Autopeticiones de VAWA para cónyuges víctimas de maltrato: guía práctica para "
            "defensores"
        ),
        "slug": "autopeticiones-de-vawa-para-conyuges-victimas-de-maltrato-guia-para-defensores",
        "summary": (
            "Esta guía práctica ayuda a los proveedores de servicios legales y a los defensores a "
            "preparar autopeticiones bajo la Ley de Violencia contra la Mujer (VAWA) para cónyuges "
            "que han sufrido maltrato: orientación paso a paso, modelos de documentos y lecciones "
            "de organizaciones aliadas de todo el país. Explica quién puede presentar una "
            "autopetición, qué pruebas reunir y cómo proteger la confidencialidad y la seguridad "
            "de cada sobreviviente."
        ),
        "body": [
            (
                "¿Quién puede presentar una autopetición?",
                (
                    "VAWA permite que el cónyuge, el hijo, el padre o la madre de un ciudadano "
                    "estadounidense, o el cónyuge o el hijo de un residente permanente, que haya "
                    "sufrido maltrato físico o crueldad extrema, pida la residencia por su cuenta, "
                    "sin que el agresor lo sepa ni participe. La ley protege por igual a hombres y "
                    "mujeres. Quien se divorció del agresor puede presentarla dentro de los dos "
                    "años siguientes al divorcio, si este tuvo relación con el maltrato."
                ),
            ),
            (
                "Cómo preparar la autopetición",
                (
                    "La autopetición se presenta con el Formulario I-360 y debe demostrar la "
                    "relación con el agresor, que el matrimonio se contrajo de buena fe, que la "
                    "persona vivió con el agresor, el maltrato sufrido y su buen carácter moral. "
                    "La declaración de la propia persona, los informes médicos o policiales, las "
                    "órdenes de protección y las cartas de consejeros o refugios son pruebas "
                    "útiles, y la ley permite considerar cualquier prueba creíble."
                ),
            ),
            (
                "Confidencialidad y seguridad",
                (
                    "La ley federal prohíbe que el gobierno revele información sobre una "
                    "autopetición de VAWA o que tome decisiones basadas solo en información del "
                    "agresor. Aun así, planifique con su cliente cómo recibir el correo de forma "
                    "segura y cómo reducir los riesgos si el agresor descubre el trámite."
                ),
            ),
        ],
    },
    {
        "source_slug": "community-explainer-the-one-year-filing-deadline-for-asylum",
        "title": "Guía para la comunidad: el plazo de un año para solicitar asilo",
        "slug": "guia-para-la-comunidad-el-plazo-de-un-ano-para-solicitar-asilo",
        "summary": (
            "Una explicación en lenguaje sencillo sobre el plazo de un año para solicitar asilo, "
            "para las personas inmigrantes y sus familias: a quién afecta, qué hacer ahora y dónde "
            "encontrar ayuda legal de confianza. Si usted teme regresar a su país, no espere: "
            "presentar su solicitud a tiempo puede marcar la diferencia en su caso."
        ),
        "body": [
            (
                "La regla del año",
                (
                    "Por lo general, quien busca asilo debe presentar su solicitud (Formulario "
                    "I-589) dentro del año siguiente a su última llegada a los Estados Unidos. El "
                    "plazo corre aunque la persona no lo conozca, no tenga abogado o esté "
                    "esperando otra cita con inmigración, por lo que conviene presentarla cuanto "
                    "antes. Los menores no acompañados están exentos de este plazo."
                ),
            ),
            (
                "Las excepciones",
                (
                    "La ley permite presentar la solicitud después del año si cambiaron las "
                    "circunstancias —por ejemplo, si la situación en su país empeoró gravemente o "
                    "cambió su situación personal— o si circunstancias extraordinarias le "
                    "impidieron presentarla a tiempo, como una enfermedad grave o haber tenido "
                    "otro estatus legal, como el TPS. Aun así, la solicitud debe presentarse "
                    "dentro de un plazo razonable."
                ),
            ),
            (
                "Si ya pasó el año",
                (
                    "Aunque ya no pueda obtener el asilo, todavía puede pedir la restricción de la "
                    "deportación (withholding of removal) o la protección de la Convención contra "
                    "la Tortura, que no tienen plazo. Estas protecciones son más difíciles de "
                    "obtener y ofrecen menos derechos, por eso es importante hablar pronto con un "
                    "abogado o un representante acreditado de confianza."
                ),
            ),
        ],
    },
    {
        "source_slug": "naturalization-fee-waivers-a-toolkit-for-advocates",
        "title": "Exenciones de tarifa para la naturalización: guía práctica para defensores",
        "slug": "exenciones-de-tarifa-para-la-naturalizacion-guia-practica-para-defensores",
        "summary": (
            "Esta guía práctica ayuda a los proveedores de servicios legales y a los defensores a "
            "tramitar exenciones de tarifa para la naturalización: orientación paso a paso, "
            "modelos de documentos y lecciones de organizaciones aliadas de todo el país. El costo "
            "de la solicitud es una de las principales razones por las que muchos residentes "
            "permanentes que califican no se hacen ciudadanos."
        ),
        "body": [
            (
                "¿Quién puede no pagar la tarifa?",
                (
                    "El USCIS exime de la tarifa del Formulario N-400 a quienes reciben un "
                    "beneficio público basado en sus ingresos, como Medicaid, SNAP o SSI; a "
                    "quienes tienen ingresos iguales o inferiores al 150 % de las pautas federales "
                    "de pobreza; y a quienes atraviesan dificultades económicas graves, como "
                    "gastos médicos inesperados. La exención se pide con el Formulario I-912, y "
                    "quienes ganan un poco más pueden pagar una tarifa reducida."
                ),
            ),
            (
                "Cómo armar una solicitud sólida",
                (
                    "Reúna la carta de aprobación del beneficio o la prueba de ingresos más "
                    "reciente de cada miembro del hogar, como declaraciones de impuestos o talones "
                    "de pago. Verifique que los nombres y las fechas coincidan con el resto de la "
                    "solicitud y use siempre la versión vigente del formulario: las solicitudes "
                    "incompletas se rechazan sin que nadie revise el fondo."
                ),
            ),
            (
                "Talleres de ciudadanía",
                (
                    "En los talleres de la New Americans Campaign, voluntarios y representantes "
                    "acreditados preparan la exención de tarifa al mismo tiempo que el N-400, lo "
                    "que permite a cientos de personas presentar su solicitud en un solo día sin "
                    "pagar. Esta guía incluye listas de verificación y modelos de cartas para "
                    "organizar su propio taller."
                ),
            ),
        ],
    },
    {
        "source_slug": "community-explainer-the-2020-civics-test-and-english-requirements",
        "title": (
            "Guía para la comunidad: el examen de educación cívica de 2020 y los requisitos de "
            "inglés"
        ),
        "slug": "guia-para-la-comunidad-el-examen-de-civica-de-2020-y-los-requisitos-de-ingles",
        "summary": (
            "Una explicación en lenguaje sencillo sobre el examen de educación cívica de 2020 y "
            "los requisitos de inglés para la naturalización, dirigida a las personas inmigrantes "
            "y sus familias: a quién afectan, qué hacer ahora y dónde encontrar ayuda legal de "
            "confianza. Explicamos qué versión del examen le corresponde y quién puede hacerlo en "
            "su propio idioma."
        ),
        "body": [
            (
                "¿Qué pasó con el examen de 2020?",
                (
                    "En diciembre de 2020, el USCIS introdujo un examen de educación cívica más "
                    "largo y difícil, con 128 preguntas de estudio, en el que había que contestar "
                    "bien 12 de 20. En marzo de 2021, la agencia volvió al examen de 2008: el "
                    "oficial hace hasta 10 preguntas de una lista de 100, y basta con contestar "
                    "bien 6. Quienes presentaron su solicitud entre esas dos fechas pudieron "
                    "elegir cuál de los dos exámenes tomar."
                ),
            ),
            (
                "El examen de inglés",
                (
                    "En la entrevista, el oficial evalúa su capacidad para hablar, leer y escribir "
                    "en inglés básico. No tiene que tomar la parte de inglés si tiene 50 años o "
                    "más y ha sido residente permanente por al menos 20 años, o 55 años o más y al "
                    "menos 15 años de residencia; en esos casos, puede hacer el examen de "
                    "educación cívica en su idioma con un intérprete. Quienes tienen 65 años o más "
                    "y 20 años de residencia solo tienen que estudiar 20 preguntas."
                ),
            ),
            (
                "Si tiene una discapacidad",
                (
                    "Las personas con una discapacidad física, mental o del desarrollo que les "
                    "impide aprender inglés o educación cívica pueden pedir una excepción con el "
                    "Formulario N-648, que debe llenar un profesional médico autorizado. Consulte "
                    "con un representante acreditado antes de presentar su solicitud de ciudadanía."
                ),
            ),
        ],
    },
    {
        "source_slug": "comment-on-know-your-rights-at-home-and-work",
        "title": "Comentario: conozca sus derechos en el hogar y en el trabajo",
        "slug": "comentario-conozca-sus-derechos-en-el-hogar-y-en-el-trabajo",
        "summary": (
            "El ILRC presentó este comentario sobre los derechos de las personas inmigrantes ante "
            "los agentes de inmigración en el hogar y en el trabajo, en el que explica cómo la "
            "propuesta afectaría a las comunidades inmigrantes y qué debería hacer la agencia en "
            "su lugar. Pedimos que los agentes respeten las protecciones constitucionales de todas "
            "las personas, sin importar su estatus migratorio."
        ),
        "body": [
            (
                "Los derechos que defendemos",
                (
                    "Toda persona en los Estados Unidos, tenga o no papeles, tiene derechos "
                    "constitucionales. Usted no tiene que abrir la puerta a agentes de inmigración "
                    "a menos que le muestren una orden judicial firmada por un juez: una orden "
                    "administrativa de ICE no basta para entrar a su casa. Tiene derecho a guardar "
                    "silencio, a no firmar ningún documento sin hablar antes con un abogado y a no "
                    "mostrar documentos de su país de origen."
                ),
            ),
            (
                "Nuestras preocupaciones",
                (
                    "Hemos documentado casos en que agentes se presentaron como policías o "
                    "inspectores para entrar a viviendas, y operativos en lugares de trabajo que "
                    "separaron a familias y dejaron a los trabajadores con miedo de denunciar "
                    "abusos laborales. Estas prácticas minan la confianza en las instituciones y "
                    "exponen a comunidades enteras a violaciones de sus derechos."
                ),
            ),
            (
                "Lo que pedimos",
                (
                    "Pedimos a la agencia que prohíba los engaños para entrar a viviendas, que "
                    "exija una orden judicial para entrar a espacios privados, que mantenga las "
                    "protecciones para lugares como escuelas, hospitales e iglesias, y que no "
                    "interfiera con las investigaciones de las agencias laborales."
                ),
            ),
        ],
    },
    {
        "source_slug": "ice-detainers-and-local-jails-a-toolkit-for-advocates",
        "title": (
            "Las solicitudes de retención de ICE y las cárceles locales: guía práctica para "
            "defensores"
        ),
        "slug": "solicitudes-de-retencion-de-ice-y-carceles-locales-guia-para-defensores",
        "summary": (
            "Esta guía práctica ayuda a los proveedores de servicios legales y a los defensores a "
            "enfrentar las solicitudes de retención (detainers) de ICE en las cárceles locales: "
            "orientación paso a paso, modelos de documentos y lecciones de organizaciones aliadas "
            "de todo el país. Explica qué es una solicitud de retención, cómo averiguar qué hace "
            "la cárcel de su condado y cómo impulsar políticas locales que protejan los derechos "
            "de las personas detenidas."
        ),
        "body": [
            (
                "¿Qué es una solicitud de retención?",
                (
                    "Un «detainer» es una petición del Servicio de Inmigración y Control de "
                    "Aduanas (ICE) para que la cárcel le avise antes de poner en libertad a una "
                    "persona y la mantenga detenida hasta 48 horas más, para que sus agentes "
                    "puedan llevársela. No lo firma un juez y no es obligatorio: varios tribunales "
                    "federales han concluido que retener a alguien solo por una solicitud de ICE "
                    "puede violar la Cuarta Enmienda."
                ),
            ),
            (
                "Cómo investigar lo que pasa en su condado",
                (
                    "Presente solicitudes de acceso a registros públicos para averiguar cuántas "
                    "solicitudes de retención recibe la cárcel, cuántas atiende y si permite que "
                    "ICE entreviste a las personas detenidas. En California, la Ley TRUTH exige "
                    "avisar por escrito a la persona antes de una entrevista con ICE y celebrar "
                    "cada año un foro público si el condado dio acceso a esa agencia."
                ),
            ),
            (
                "Cambiar la política local",
                (
                    "La guía incluye modelos de políticas para rechazar las solicitudes de "
                    "retención que no vengan con una orden judicial, limitar el acceso de ICE a "
                    "las cárceles y proteger los datos de las personas detenidas, así como "
                    "consejos para organizar a la comunidad, reunirse con el sheriff y defender la "
                    "política ante la junta de supervisores."
                ),
            ),
        ],
    },
    {
        "source_slug": "community-explainer-sijs-visa-backlogs-and-deferred-action",
        "title": "Guía para la comunidad: las esperas de visa del SIJS y la acción diferida",
        "slug": "guia-para-la-comunidad-las-esperas-de-visa-del-sijs-y-la-accion-diferida",
        "summary": (
            "Una explicación en lenguaje sencillo sobre las largas esperas de visa para los "
            "Jóvenes Inmigrantes Especiales (SIJS) y la acción diferida, dirigida a las personas "
            "inmigrantes y sus familias: a quién afectan, qué hacer ahora y dónde encontrar ayuda "
            "legal de confianza. Si usted ya tiene el SIJS aprobado y espera una visa, aquí "
            "encontrará sus opciones para protegerse mientras tanto."
        ),
        "body": [
            (
                "¿Qué es el SIJS?",
                (
                    "El estatus de Jóvenes Inmigrantes Especiales (SIJS) protege a menores de 21 "
                    "años que no pueden reunirse con uno o ambos padres por abuso, abandono o "
                    "negligencia, cuando un tribunal estatal decide que no les conviene regresar a "
                    "su país. Con esa decisión, el joven presenta el Formulario I-360 ante el "
                    "USCIS y, una vez aprobado, puede pedir la residencia permanente cuando haya "
                    "una visa disponible."
                ),
            ),
            (
                "¿Por qué hay que esperar?",
                (
                    "Cada año hay un número limitado de visas para esta categoría, y la demanda es "
                    "tan alta que los jóvenes de Guatemala, Honduras, El Salvador y México, entre "
                    "otros países, pueden esperar años a que se les asigne una. Durante la espera, "
                    "muchos no tienen permiso de trabajo y siguen expuestos a la deportación."
                ),
            ),
            (
                "La acción diferida",
                (
                    "Desde 2022, el USCIS considera conceder acción diferida y permiso de trabajo "
                    "a los jóvenes con SIJS aprobado que todavía no pueden solicitar la residencia "
                    "porque no hay visa disponible. Estas políticas pueden cambiar: revise su "
                    "situación con un abogado o un representante acreditado y conozca sus derechos "
                    "mientras espera."
                ),
            ),
        ],
    },
]

# The program index page (English slug 'programs') and the three programs
# (programs/demo.py), by English slug, with the fields add_program() sets. The
# programs' names stay in English, and so do their slugs; body is
# [(heading, paragraph text)] as in programs/demo.py.
PROGRAMS = {
    "programs": {
        "title": "Proyectos y redes",
        "slug": "programas",
        "intro": (
            "El ILRC dirige proyectos y redes nacionales, y participa en otros, junto a "
            "organizaciones aliadas de todo el país."
        ),
    },
    "immigrant-justice-network": {
        "title": "Immigrant Justice Network",
        "slug": "immigrant-justice-network",
        "acronym": "IJN",
        "intro": (
            "La Immigrant Justice Network (IJN) realiza labores de incidencia, educación, "
            "asistencia técnica, capacitación, comunicación y litigio para atender las necesidades "
            "de las personas atrapadas en la intersección entre el sistema de justicia penal y el "
            "sistema de inmigración."
        ),
        "search_description": (
            "La Immigrant Justice Network (IJN) realiza labores de incidencia, educación, "
            "asistencia técnica, capacitación, comunicación y litigio para atender las necesidades "
            "de las personas atrapadas en la intersección entre el sistema de justicia penal y el "
            "sistema de inmigración."
        ),
        "body": [
            (
                "Por qué existe la red",
                (
                    "Cuando un caso penal puede terminar en deportación, las personas inmigrantes "
                    "necesitan defensores, fiscales y jueces que entiendan las consecuencias, y "
                    "leyes que no conviertan cada arresto en un camino hacia la deportación. La "
                    "red reúne a especialistas legales y a organizadores comunitarios para cambiar "
                    "ambas cosas."
                ),
            ),
            (
                "Lo que hacemos",
                (
                    "Capacitamos a abogados penalistas y a defensores públicos, apoyamos el alivio "
                    "posterior a la condena, litigamos sobre las consecuencias migratorias de las "
                    "condenas y respaldamos campañas locales y nacionales para poner fin a la "
                    "criminalización de las personas inmigrantes."
                ),
            ),
        ],
    },
    "new-americans-campaign": {
        "title": "New Americans Campaign",
        "slug": "new-americans-campaign",
        "acronym": "NAC",
        "intro": (
            "La New Americans Campaign (NAC), un proyecto del ILRC, es una red nacional, "
            "apartidista y pionera de proveedores de servicios legales, organizaciones religiosas, "
            "empresas, fundaciones y líderes comunitarios que está abriendo un mejor camino hacia "
            "la ciudadanía."
        ),
        "search_description": (
            "La New Americans Campaign (NAC), un proyecto del ILRC, es una red nacional, "
            "apartidista y pionera de proveedores de servicios legales, organizaciones religiosas, "
            "empresas, fundaciones y líderes comunitarios que está abriendo un mejor camino hacia "
            "la ciudadanía."
        ),
        "body": [
            (
                "Un mejor camino hacia la ciudadanía",
                (
                    "Millones de residentes permanentes legales pueden hacerse ciudadanos "
                    "estadounidenses, pero no lo han solicitado por el costo, por miedo al proceso "
                    "o porque no saben dónde encontrar ayuda de confianza. Las organizaciones de "
                    "la campaña ofrecen ayuda experta y gratuita con la solicitud de "
                    "naturalización, las exenciones de tarifa y el examen de educación cívica."
                ),
            ),
            (
                "Talleres en todo el país",
                (
                    "Las organizaciones aliadas celebran grandes talleres de naturalización en los "
                    "que voluntarios, abogados y representantes acreditados por el Departamento de "
                    "Justicia (DOJ) ayudan a cientos de solicitantes en un solo día."
                ),
            ),
        ],
    },
    "collective-freedom-project": {
        "title": "Collective Freedom Project",
        "slug": "collective-freedom-project",
        "acronym": "",
        "intro": (
            "El Collective Freedom Project cuenta las historias de esfuerzos locales en los que "
            "personas —con y sin ciudadanía estadounidense— se unieron para librar campañas únicas "
            "contra la criminalización en sus comunidades."
        ),
        "search_description": (
            "El Collective Freedom Project cuenta las historias de esfuerzos locales en los que "
            "personas —con y sin ciudadanía estadounidense— se unieron para librar campañas únicas "
            "contra la criminalización en sus comunidades."
        ),
        "body": [
            (
                "Historias desde la base",
                (
                    "Cada historia recoge cómo se organizó una comunidad: quiénes se sentaron a la "
                    "mesa, qué le pidieron cambiar al concejo municipal, a la junta del condado o "
                    "al sheriff, a qué oposición se enfrentaron y qué lograron. Las compartimos "
                    "para que la próxima campaña pueda partir de lo que otras ya aprendieron."
                ),
            ),
        ],
    },
}

# The Collective Freedom Project's stories (programs/demo.py STORIES), by English
# slug; paragraphs as in the English spec.
STORIES = {
    "harris-county-ends-its-287g-agreement": {
        "title": "El condado de Harris pone fin a su acuerdo 287(g)",
        "slug": "el-condado-de-harris-pone-fin-a-su-acuerdo-287g",
        "place": "Houston, Texas",
        "summary": (
            "Durante años, cualquier persona fichada en la cárcel del condado de Harris podía ser "
            "interrogada por agentes del sheriff que actuaban como agentes de inmigración. "
            "Familias inmigrantes, congregaciones religiosas y promotores de la reforma penal se "
            "organizaron juntos hasta que el sheriff puso fin al acuerdo que lo hacía posible."
        ),
        "paragraphs": [
            (
                "Con un acuerdo 287(g), los agentes locales reciben capacitación y facultades para "
                "aplicar la ley federal de inmigración. En Houston, eso significaba que una parada "
                "de tránsito podía terminar en deportación, y que muchos residentes dejaron por "
                "completo de llamar a la policía."
            ),
            (
                "La coalición que se formó en su contra fue amplia: hijos ciudadanos de padres "
                "deportados dieron su testimonio en reuniones públicas, pastores hablaron desde el "
                "púlpito y defensores públicos documentaron cómo el programa alcanzaba a personas "
                "que nunca habían sido condenadas por nada. Lograron que el programa se "
                "convirtiera en un tema central de la elección del sheriff."
            ),
            (
                "Cuando el nuevo sheriff asumió el cargo, puso fin al acuerdo y destinó esos "
                "fondos al personal de la cárcel. Hoy los organizadores vigilan cómo responde la "
                "cárcel a las solicitudes de retención de ICE y comparten lo aprendido con "
                "campañas de otros condados de Texas."
            ),
        ],
    },
    "santa-ana-closed-its-immigration-detention-contract": {
        "title": "Cómo Santa Ana cerró su contrato de detención migratoria",
        "slug": "como-santa-ana-cerro-su-contrato-de-detencion-migratoria",
        "place": "Santa Ana, California",
        "summary": (
            "La cárcel municipal alquilaba camas a las autoridades de inmigración y dependía de "
            "esos ingresos. Una coalición de residentes, estudiantes y personas que estuvieron "
            "detenidas convenció al concejo municipal de reducir el contrato de forma gradual y "
            "ponerle fin."
        ),
        "paragraphs": [
            (
                "Durante más de una década, la cárcel de la ciudad retuvo a personas para las "
                "autoridades de inmigración gracias a un contrato que pagaba por cama. El concejo "
                "había llegado a depender de esos ingresos, y pocos residentes sabían que había "
                "personas detenidas a unas cuadras del ayuntamiento."
            ),
            (
                "Los organizadores cambiaron eso. Personas que habían estado detenidas hablaron de "
                "las condiciones dentro de la cárcel, estudiantes organizaron vigilias frente a "
                "cada sesión del concejo y analistas de presupuesto demostraron que el contrato le "
                "costaba a la ciudad más de lo que le dejaba."
            ),
            (
                "El concejo votó primero por dejar de aceptar nuevas personas detenidas y después "
                "por terminar el contrato. La campaña se convirtió en un modelo para otras "
                "comunidades con contratos de detención propios."
            ),
        ],
    },
    "oregon-voters-keep-the-first-sanctuary-law": {
        "title": "Los votantes de Oregón mantienen la primera ley santuario del país",
        "slug": "los-votantes-de-oregon-mantienen-la-primera-ley-santuario-del-pais",
        "place": "Oregón",
        "summary": (
            "Una iniciativa electoral buscaba derogar la ley estatal que mantiene a la policía "
            "local al margen de la aplicación de las leyes federales de inmigración. Una coalición "
            "estatal de ciudadanos y no ciudadanos la derrotó por amplio margen."
        ),
        "paragraphs": [
            (
                "La ley de Oregón, aprobada con el apoyo de ambos partidos en 1987, prohíbe que "
                "las agencias estatales y locales usen sus recursos para buscar y arrestar a "
                "personas cuya única infracción sea contra la ley federal de inmigración."
            ),
            (
                "Cuando una propuesta para derogarla llegó a la boleta electoral, sindicatos de "
                "trabajadores agrícolas, sheriffs, dueños de negocios y líderes religiosos "
                "hicieron campaña codo a codo. Voluntarios con ciudadanía estadounidense tocaron "
                "puertas en nombre de vecinos que no podían votar."
            ),
            (
                "Los votantes rechazaron la derogación por amplio margen, y la coalición logró "
                "después protecciones más sólidas en la legislatura estatal."
            ),
        ],
    },
}

# The policy-language resource (publications/demo_policy.py). body is [(kind, text)]
# for its INTRO stream (paragraph text without <p>), areas the POLICY_AREAS labels by
# value, examples the EXAMPLES in their order (jurisdiction, source -> source_title,
# and text as rich text HTML); year and url are the English ones.
POLICY = {
    "title": "Intervenciones de política local para proteger a las personas inmigrantes",
    "slug": "intervenciones-de-politica-local",
    "summary": (
        "Las políticas locales son el motor principal de la actuación policial, de los procesos "
        "penales y de la maquinaria de deportación. Este recurso ofrece ejemplos de lenguaje "
        "normativo eficaz que los gobiernos locales pueden adoptar para proteger a los miembros de "
        "su comunidad."
    ),
    "body": [
        (
            "heading",
            "Cómo usar estos ejemplos",
        ),
        (
            "paragraph",
            (
                "Cada ejemplo proviene de una ciudad, un condado o un estado que lo adoptó, con "
                "ligeras adaptaciones para que pueda reutilizarse. Filtre por área de política, "
                "copie el texto y ajústelo a los códigos y las definiciones de su jurisdicción. "
                "Lea siempre la fuente original: las leyes estatales, las decisiones judiciales y "
                "las cartas municipales varían, y lo que funciona en un lugar puede necesitar "
                "cambios en otro."
            ),
        ),
        (
            "paragraph",
            (
                "Los defensores que estén redactando una nueva política pueden comunicarse con el "
                "equipo de políticas públicas del ILRC para que revise su propuesta de texto."
            ),
        ),
    ],
    "areas": {
        "detainers": "Límites a las solicitudes de retención de ICE",
        "jail-access": "Acceso de ICE a las cárceles",
        "data-sharing": "Intercambio de datos",
        "prosecution": "Prácticas de la fiscalía",
        "public-defense": "Defensa pública",
        "funding": "Financiamiento",
    },
    "examples": [
        {
            "jurisdiction": "Condado de Santa Clara, California",
            "source": (
                "Política de la Junta de Supervisores sobre las solicitudes de retención "
                "migratoria civil"
            ),
            "text": (
                "<p>El Condado no atenderá ninguna solicitud de retención migratoria civil emitida "
                "por el Servicio de Inmigración y Control de Aduanas de los Estados Unidos (ICE) a "
                "menos que vaya acompañada de una orden judicial. Ningún empleado del Condado "
                "mantendrá a una persona bajo custodia, con base en dicha solicitud, más allá del "
                "momento en que de otro modo tendría derecho a ser puesta en libertad.</p>"
            ),
        },
        {
            "jurisdiction": "Condado de Cook, Illinois",
            "source": (
                "Ordenanza del condado sobre la respuesta a las solicitudes de retención de ICE"
            ),
            "text": (
                "<p>El Sheriff del Condado de Cook rechazará las solicitudes de las autoridades "
                "federales de inmigración de detener a personas más allá de la fecha y la hora en "
                "que de otro modo serían puestas en libertad, y no se destinarán recursos del "
                "Condado a responder a dichas solicitudes.</p>"
            ),
        },
        {
            "jurisdiction": "Estado de California",
            "source": (
                "Ley de Revisión Transparente de Traslados y Retenciones Injustas (TRUTH Act)"
            ),
            "text": (
                "<p>Antes de cualquier entrevista entre las autoridades federales de inmigración y "
                "una persona bajo custodia local sobre infracciones migratorias civiles, la "
                "agencia local del orden público entregará a la persona un formulario de "
                "consentimiento por escrito que explique:</p><ol><li>el propósito de la "
                "entrevista;</li><li>que la entrevista es <b>voluntaria</b>; y</li><li>que la "
                "persona puede negarse a ser entrevistada o elegir ser entrevistada solo en "
                "presencia de un abogado.</li></ol>"
            ),
        },
        {
            "jurisdiction": "Condado de King, Washington",
            "source": "Ordenanza del condado que limita el acceso a las instalaciones del condado",
            "text": (
                "<p>No se dará acceso a ningún agente del Servicio de Inmigración y Control de "
                "Aduanas de los Estados Unidos (ICE) a las áreas no públicas de las instalaciones "
                "del Condado, incluidos los centros de detención, ni a ninguna persona bajo "
                "custodia del Condado, con el fin de investigar o hacer cumplir la ley migratoria "
                "civil, a menos que el agente presente una orden judicial.</p>"
            ),
        },
        {
            "jurisdiction": "Estado de Nueva York",
            "source": (
                "Ley de Acceso a Licencias de Conducir y Privacidad (Driver's License Access and "
                "Privacy Act)"
            ),
            "text": (
                "<p>El comisionado no divulgará ni pondrá a disposición, de ninguna manera, los "
                "registros o la información que mantenga el departamento a ninguna agencia cuya "
                "función principal sea hacer cumplir la ley migratoria, ni a ningún empleado o "
                "agente de dicha agencia, salvo que se le presente una orden judicial válida o una "
                "orden firmada por un juez.</p>"
            ),
        },
        {
            "jurisdiction": "Estado de Washington",
            "source": "Ley Keep Washington Working",
            "text": (
                "<p>Las agencias estatales no proporcionarán a las autoridades federales de "
                "inmigración información personal no pública sobre una persona —incluidos su lugar "
                "de nacimiento, su estatus migratorio o de ciudadanía, su domicilio o la fecha en "
                "que saldrá de custodia— con el fin de hacer cumplir la ley migratoria civil, "
                "salvo cuando lo exija la ley estatal o federal.</p>"
            ),
        },
        {
            "jurisdiction": "Estado de California",
            "source": "Sección 1016.3 del Código Penal (AB 1343)",
            "text": (
                "<p>La fiscalía, en interés de la justicia y en cumplimiento de las conclusiones "
                "de la Legislatura, tendrá en cuenta la prevención de consecuencias migratorias "
                "adversas durante la negociación de la declaración de culpabilidad, como uno de "
                "los factores para alcanzar una resolución justa.</p>"
            ),
        },
        {
            "jurisdiction": "Condado de Kings (Brooklyn), Nueva York",
            "source": "Política de la Fiscalía de Distrito sobre las consecuencias migratorias",
            "text": (
                "<p>Los fiscales adjuntos tendrán en cuenta las consecuencias migratorias "
                "colaterales de una condena al decidir los cargos y las ofertas de acuerdo y, "
                "cuando sea compatible con la seguridad pública, ofrecerán una resolución que "
                "evite consecuencias <i>desproporcionadas</i>, como la detención obligatoria o la "
                "deportación.</p>"
            ),
        },
        {
            "jurisdiction": "Estado de California",
            "source": "Sección 1016.3 del Código Penal (AB 1343)",
            "text": (
                "<p>El abogado defensor dará asesoría precisa y afirmativa sobre las consecuencias "
                "migratorias de la resolución propuesta y, cuando sea compatible con los objetivos "
                "del acusado, cuente con su consentimiento informado y se ajuste a las normas "
                "profesionales, lo defenderá frente a esas consecuencias.</p>"
            ),
        },
        {
            "jurisdiction": "Ciudad de Nueva York, Nueva York",
            "source": (
                "Términos presupuestarios del Concejo Municipal para la representación universal"
            ),
            "text": (
                "<p>Los fondos asignados a este programa proporcionarán representación legal "
                "gratuita a toda persona que esté detenida y enfrente un proceso de deportación en "
                "los tribunales de inmigración de la jurisdicción y cuyos ingresos familiares no "
                "superen el 200 % de las pautas federales de pobreza, <b>sin importar los méritos "
                "del caso</b> ni cualquier condena penal previa.</p>"
            ),
        },
        {
            "jurisdiction": "Denver, Colorado",
            "source": "Ordenanza que crea el Fondo de Servicios Legales para Inmigrantes",
            "text": (
                "<p>Se crea un fondo especial de ingresos para otorgar subvenciones a "
                "organizaciones sin fines de lucro que brinden representación legal a los "
                "residentes de la ciudad en procesos de deportación. Las subvenciones se otorgarán "
                "mediante un proceso competitivo, y ninguna podrá condicionarse al estatus "
                "migratorio ni a los antecedentes penales de las personas atendidas.</p>"
            ),
        },
    ],
}

# Topic pages (publications/demo_topics.py), by the English page's slug (its topic's).
TOPIC_PAGES = {
    "daca": {
        "title": "DACA",
        "slug": "daca",
        "intro": (
            "La Acción Diferida para los Llegados en la Infancia (DACA) protege de la deportación "
            "a quienes llegaron a los Estados Unidos siendo niños y les permite trabajar "
            "legalmente. Los casos judiciales siguen cambiando quién puede solicitarla y cómo: "
            "aquí encontrará nuestras guías, siempre actualizadas, para beneficiarios, para "
            "quienes la solicitan por primera vez y para los defensores que les ayudan."
        ),
    },
    "u-visa-t-visa-vawa": {
        "title": "Visa U / Visa T / VAWA",
        "slug": "visa-u-visa-t-vawa",
        "intro": (
            "Las personas sobrevivientes de delitos, de trata y de violencia doméstica pueden "
            "tener derecho a un estatus migratorio propio: la visa U, la visa T y las "
            "autopeticiones bajo la Ley de Violencia contra la Mujer (VAWA). Nuestras guías "
            "explican los requisitos, la certificación de las autoridades y cómo preparar una "
            "solicitud sólida."
        ),
    },
    "immigration-enforcement": {
        "title": "Control migratorio",
        "slug": "control-migratorio",
        "intro": (
            "Qué hacer cuando los agentes de inmigración llegan a una casa, a un lugar de trabajo "
            "o a una cárcel, y cómo las comunidades limitan la participación local en las "
            "deportaciones: materiales para conocer sus derechos, guías prácticas para defensores "
            "y modelos de lenguaje normativo."
        ),
    },
}

# The standard pages (ilrc_site/demo/pages.py), by English slug; body is
# [(kind, text)] as in pages.py (paragraph text without <p>).
STANDARD_PAGES = {
    "about": {
        "title": "Acerca del ILRC",
        "slug": "quienes-somos",
        "intro": (
            "El Immigrant Legal Resource Center es una organización nacional sin fines de lucro "
            "que trabaja junto a las personas inmigrantes, las organizaciones comunitarias y el "
            "sector legal, y les ofrece formación, para seguir construyendo una sociedad "
            "democrática que valore la diversidad y los derechos de todas las personas."
        ),
        "body": [
            (
                "heading",
                "Nuestra historia",
            ),
            (
                "paragraph",
                (
                    "Fundado en 1979 en San Francisco, el ILRC comenzó capacitando a los abogados, "
                    "asistentes legales y trabajadores comunitarios que ayudan a las personas "
                    "inmigrantes a orientarse en un sistema legal complicado. Hoy nuestro equipo "
                    "incluye abogados, especialistas en políticas públicas, capacitadores y "
                    "organizadores, con oficinas en todo el país."
                ),
            ),
            (
                "heading",
                "Lo que hacemos",
            ),
            (
                "paragraph",
                (
                    "Publicamos avisos para la práctica legal, manuales y guías para la comunidad; "
                    "capacitamos cada año a miles de proveedores de servicios legales; ofrecemos "
                    "asistencia técnica a abogados y representantes acreditados por el "
                    "Departamento de Justicia (DOJ); y promovemos políticas que protegen a las "
                    "comunidades inmigrantes a nivel local, estatal y nacional."
                ),
            ),
            (
                "heading",
                "Nuestros valores",
            ),
            (
                "paragraph",
                (
                    "Creemos que las personas inmigrantes deben poder vivir sin miedo a la "
                    "deportación, que toda persona merece el debido proceso y que el cambio "
                    "duradero nace de las comunidades que se organizan para defender sus propios "
                    "derechos."
                ),
            ),
        ],
    },
    "contact": {
        "title": "Contáctenos",
        "slug": "contacto",
        "intro": (
            "Cómo comunicarse con el equipo del ILRC y dónde encontrar ayuda legal si necesita "
            "asesoría sobre su propio caso."
        ),
        "body": [
            (
                "heading",
                "¿Busca ayuda legal?",
            ),
            (
                "paragraph",
                (
                    "El ILRC no representa a personas individuales y no puede dar asesoría legal "
                    "sobre casos personales por teléfono ni por correo electrónico. Para encontrar "
                    "un proveedor de servicios legales sin fines de lucro cerca de usted, consulte "
                    "el <a "
                    'href="https://www.immigrationadvocates.org/legaldirectory/">Directorio '
                    "Nacional de Servicios Legales de Inmigración</a> (National Immigration Legal "
                    "Services Directory). No acuda a notarios ni a «consultores de inmigración»: "
                    "no están autorizados para darle asesoría legal."
                ),
            ),
            (
                "heading",
                "Nuestra oficina",
            ),
            (
                "paragraph",
                (
                    "Immigrant Legal Resource Center<br>1458 Howard Street<br>San Francisco, CA "
                    "94103<br>Teléfono: (415) 255-9499"
                ),
            ),
            (
                "heading",
                "Capacitaciones y asistencia técnica",
            ),
            (
                "paragraph",
                (
                    "Los abogados y representantes acreditados por el DOJ de las organizaciones "
                    "miembro pueden consultar sus casos con nuestros abogados a través del "
                    "programa de asistencia técnica, e inscribirse en los próximos seminarios web "
                    "y capacitaciones."
                ),
            ),
        ],
    },
}
