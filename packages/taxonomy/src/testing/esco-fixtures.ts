import { writeFixtureTree } from './fixture-tree';

/**
 * Small ESCO-layout fixtures for the importer's tests, written by the team: a handful of invented
 * concepts (URIs with made-up ids such as `00000002-aaaa-...`, labels typed by hand) in the file
 * layouts of ESCO releases 1.1.0 and 1.2.0 (the newer one renames, adds and drops concepts), of
 * the Arabic occupations list of 1.0 and of the multilingual label lists. No ESCO data: the real
 * taxonomy is read from `../shared/data/esco` by the tests and benchmarks that need it.
 *
 * The files are kept here as text and written to a temporary folder when a test asks for them,
 * because the importer reads folders and recognises files by their ESCO names.
 */
const files: Record<string, readonly string[]> = {
  'labels/nl/concept_mapping.tsv': [
    'C000001_nl_000\thttp://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001',
    'C000001_nl_001\thttp://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001',
    'C000002_nl_000\thttp://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002',
    'C000003_nl_000\thttp://data.europa.eu/esco/isco/C71',
  ],
  'labels/nl/corpus_elements.tsv': [
    'C000001_nl_000\ttimmerman',
    'C000001_nl_001\tschrijnwerker',
    'C000002_nl_000\ttaxichauffeur',
    'C000003_nl_000\tBouwvakkers',
  ],
  'v1.0-ar/occupations_ar.csv': [
    'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description',
    'Occupation,http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,7114,نجّار / نجّارة,,,released,,,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations",',
    'Occupation,http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,8322,سائق سيارة أجرة,,,released,,,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations",',
    'Occupation,http://data.europa.eu/esco/occupation/99999999-dddd-4ddd-8ddd-000000000009,9999,مهنة قديمة,,,released,,,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations",',
  ],
  'v1.1.0/en/ISCOGroups_en.csv': [
    'conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description',
    'ISCOGroup,http://data.europa.eu/esco/isco/C7,7,Craft and related trades workers,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C71,71,Building and related trades workers,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C711,711,Building frame and related trades workers,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C7115,7115,Carpenters and joiners,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C8,8,Plant and machine operators and assemblers,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C83,83,Drivers and mobile plant operators,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C832,832,"Car, van and motorcycle drivers",released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C8322,8322,"Car, taxi and van drivers",released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
  ],
  'v1.1.0/en/conceptSchemes_en.csv': [
    'conceptType,conceptSchemeUri,preferredLabel,title,status,description,hasTopConcept',
    'ConceptScheme,http://data.europa.eu/esco/concept-scheme/x,Digital,,released,,http://data.europa.eu/esco/skill/10000005-bbbb-4bbb-8bbb-000000000005',
  ],
  'v1.1.0/en/digitalSkillsCollection_en.csv': [
    'conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT',
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000005-bbbb-4bbb-8bbb-000000000005,use a GPS,released,skill/competence,sector-specific,navigate with GPS,,http://data.europa.eu/esco/skill/20000003-cccc-4ccc-8ccc-000000000003 | http://data.europa.eu/esco/skill/20000002-cccc-4ccc-8ccc-000000000002,driving vehicles | working with machinery',
  ],
  'v1.1.0/en/occupations_en.csv': [
    'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code',
    'Occupation,http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,7115,carpenter,"joiner',
    'woodworker',
    'carpenter",carpentor,released,2016-07-05T13:58:41Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations","Description of carpenter, with a comma and a ""quote"".",7115.1',
    'Occupation,http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,8322,taxi driver,"cab driver',
    'taxi chauffeur",,released,2016-07-05T13:58:41Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations","Description of taxi driver, with a comma and a ""quote"".",8322.1',
    'Occupation,http://data.europa.eu/esco/occupation/00000003-aaaa-4aaa-8aaa-000000000003,8322,car driver,chauffeur,,released,2016-07-05T13:58:41Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations","Description of car driver, with a comma and a ""quote"".",8322.2',
  ],
  'v1.1.0/en/skillGroups_en.csv': [
    'conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code',
    'SkillGroup,http://data.europa.eu/esco/skill/20000001-cccc-4ccc-8ccc-000000000001,skills,,,released,,,http://data.europa.eu/esco/concept-scheme/skills-hierarchy,,S',
    'SkillGroup,http://data.europa.eu/esco/skill/20000002-cccc-4ccc-8ccc-000000000002,working with machinery and specialised equipment,,,released,,,http://data.europa.eu/esco/concept-scheme/skills-hierarchy,,S6',
    'SkillGroup,http://data.europa.eu/esco/skill/20000003-cccc-4ccc-8ccc-000000000003,driving vehicles,,,released,,,http://data.europa.eu/esco/concept-scheme/skills-hierarchy,,S6.1',
  ],
  'v1.1.0/en/skillsHierarchy_en.csv': [
    'Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI,Level 2 preferred term,Level 3 URI,Level 3 preferred term,Description,Scope note,Level 0 code,Level 1 code,Level 2 code,Level 3 code',
    'http://data.europa.eu/esco/skill/20000001-cccc-4ccc-8ccc-000000000001,skills,,,,,,,,,S',
    'http://data.europa.eu/esco/skill/20000001-cccc-4ccc-8ccc-000000000001,skills,http://data.europa.eu/esco/skill/20000002-cccc-4ccc-8ccc-000000000002,working with machinery and specialised equipment,,,,,Operating machines.,,S,S6',
    'http://data.europa.eu/esco/skill/20000001-cccc-4ccc-8ccc-000000000001,skills,http://data.europa.eu/esco/skill/20000002-cccc-4ccc-8ccc-000000000002,working with machinery and specialised equipment,http://data.europa.eu/esco/skill/20000003-cccc-4ccc-8ccc-000000000003,driving vehicles,,,Driving.,,S,S6,S6.1',
    'http://data.europa.eu/esco/skill/20000001-cccc-4ccc-8ccc-000000000001,skills,http://data.europa.eu/esco/skill/20000002-cccc-4ccc-8ccc-000000000002,working with machinery and specialised equipment,http://data.europa.eu/esco/skill/20000004-cccc-4ccc-8ccc-000000000004,positioning tools,,,Only in the hierarchy.,,S,S6,S6.8',
  ],
  'v1.1.0/en/skills_en.csv': [
    'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description',
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000001-bbbb-4bbb-8bbb-000000000001,skill/competence,sector-specific,saw wood,"cut timber',
    'saw timber",,released,2016-12-20T17:43:43Z,,,http://data.europa.eu/esco/concept-scheme/skills,saw wood.',
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000002-bbbb-4bbb-8bbb-000000000002,skill/competence,cross-sector,drive a car,"drive cars',
    'drive automobiles",,released,2016-12-20T17:43:43Z,,,http://data.europa.eu/esco/concept-scheme/skills,drive a car.',
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000003-bbbb-4bbb-8bbb-000000000003,knowledge,cross-sector,road traffic laws,traffic rules,traffic lawz,released,2016-12-20T17:43:43Z,,,http://data.europa.eu/esco/concept-scheme/skills,road traffic laws.',
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000004-bbbb-4bbb-8bbb-000000000004,skill/competence,transversal,work in teams,teamwork,,released,2016-12-20T17:43:43Z,,,http://data.europa.eu/esco/concept-scheme/skills,work in teams.',
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000005-bbbb-4bbb-8bbb-000000000005,skill/competence,sector-specific,use a GPS,navigate with GPS,,released,2016-12-20T17:43:43Z,,,http://data.europa.eu/esco/concept-scheme/skills,use a GPS.',
  ],
  'v1.1.0/en/transversalSkillsCollection_en.csv': [
    'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT',
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000004-bbbb-4bbb-8bbb-000000000004,skill/competence,transversal,work in teams,released,teamwork,,http://data.europa.eu/esco/skill/20000001-cccc-4ccc-8ccc-000000000001,skills',
  ],
  'v1.1.0/fr/ISCOGroups_fr.csv': [
    'conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description',
    'ISCOGroup,http://data.europa.eu/esco/isco/C7,7,Artisans et ouvriers des métiers de type artisanal,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C71,71,Métiers qualifiés du bâtiment,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C711,711,Métiers qualifiés du bâtiment (gros œuvre),released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C7115,7115,Charpentiers en bois et menuisiers du bâtiment,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C8,8,Conducteurs d’installations et de machines,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C83,83,Conducteurs de véhicules,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C832,832,Conducteurs d’automobiles,released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
    'ISCOGroup,http://data.europa.eu/esco/isco/C8322,8322,"Conducteurs d’automobiles, de taxis et de camionnettes",released,,"http://data.europa.eu/esco/concept-scheme/isco,',
    'http://data.europa.eu/esco/concept-scheme/occupations",',
  ],
  'v1.1.0/fr/occupations_fr.csv': [
    'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code',
    'Occupation,http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,7115,charpentier/charpentière,"charpentière',
    'charpentier',
    'menuisier du bâtiment",,released,2016-07-05T13:58:41Z,,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations",,7115.1',
    'Occupation,http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,8322,chauffeur de taxi/chauffeuse de taxi,"chauffeur de taxi',
    'chauffeuse de taxi",,released,2016-07-05T13:58:41Z,,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations",,8322.1',
    'Occupation,http://data.europa.eu/esco/occupation/00000003-aaaa-4aaa-8aaa-000000000003,8322,conducteur de voiture/conductrice de voiture,"conducteur',
    'conductrice",,released,2016-07-05T13:58:41Z,,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations",,8322.2',
  ],
  'v1.1.0/relations/broaderRelationsOccPillar.csv': [
    'conceptType,conceptUri,broaderType,broaderUri',
    'ISCOGroup,http://data.europa.eu/esco/isco/C71,ISCOGroup,http://data.europa.eu/esco/isco/C7',
    'ISCOGroup,http://data.europa.eu/esco/isco/C711,ISCOGroup,http://data.europa.eu/esco/isco/C71',
    'ISCOGroup,http://data.europa.eu/esco/isco/C7115,ISCOGroup,http://data.europa.eu/esco/isco/C711',
    'ISCOGroup,http://data.europa.eu/esco/isco/C83,ISCOGroup,http://data.europa.eu/esco/isco/C8',
    'ISCOGroup,http://data.europa.eu/esco/isco/C832,ISCOGroup,http://data.europa.eu/esco/isco/C83',
    'ISCOGroup,http://data.europa.eu/esco/isco/C8322,ISCOGroup,http://data.europa.eu/esco/isco/C832',
    'Occupation,http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,ISCOGroup,http://data.europa.eu/esco/isco/C7115',
    'Occupation,http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,ISCOGroup,http://data.europa.eu/esco/isco/C8322',
    'Occupation,http://data.europa.eu/esco/occupation/00000003-aaaa-4aaa-8aaa-000000000003,Occupation,http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002',
  ],
  'v1.1.0/relations/broaderRelationsSkillPillar.csv': [
    'conceptType,conceptUri,broaderType,broaderUri',
    'SkillGroup,http://data.europa.eu/esco/skill/20000002-cccc-4ccc-8ccc-000000000002,SkillGroup,http://data.europa.eu/esco/skill/20000001-cccc-4ccc-8ccc-000000000001',
    'SkillGroup,http://data.europa.eu/esco/skill/20000003-cccc-4ccc-8ccc-000000000003,SkillGroup,http://data.europa.eu/esco/skill/20000002-cccc-4ccc-8ccc-000000000002',
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000002-bbbb-4bbb-8bbb-000000000002,SkillGroup,http://data.europa.eu/esco/skill/20000003-cccc-4ccc-8ccc-000000000003',
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000005-bbbb-4bbb-8bbb-000000000005,KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/10000002-bbbb-4bbb-8bbb-000000000002',
  ],
  'v1.1.0/relations/occupationSkillRelations.csv': [
    'occupationUri,relationType,skillType,skillUri',
    'http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,essential,skill/competence,http://data.europa.eu/esco/skill/10000001-bbbb-4bbb-8bbb-000000000001',
    'http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,optional,skill/competence,http://data.europa.eu/esco/skill/10000004-bbbb-4bbb-8bbb-000000000004',
    'http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,essential,skill/competence,http://data.europa.eu/esco/skill/10000002-bbbb-4bbb-8bbb-000000000002',
    'http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,essential,knowledge,http://data.europa.eu/esco/skill/10000003-bbbb-4bbb-8bbb-000000000003',
    'http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,optional,skill/competence,http://data.europa.eu/esco/skill/10000005-bbbb-4bbb-8bbb-000000000005',
    'http://data.europa.eu/esco/occupation/00000003-aaaa-4aaa-8aaa-000000000003,essential,skill/competence,http://data.europa.eu/esco/skill/10000002-bbbb-4bbb-8bbb-000000000002',
  ],
  'v1.1.0/relations/skillSkillRelations.csv': [
    'originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri',
    'http://data.europa.eu/esco/skill/10000003-bbbb-4bbb-8bbb-000000000003,knowledge,optional,skill/competence,http://data.europa.eu/esco/skill/10000002-bbbb-4bbb-8bbb-000000000002',
  ],
  'v1.2.0/en/occupations_en.csv': [
    'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code',
    'Occupation,http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,7115,carpenter (wood),"joiner',
    'woodworker',
    'carpenter",carpentor,released,2016-07-05T13:58:41Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations","Description of carpenter (wood), with a comma and a ""quote"".",7115.1',
    'Occupation,http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,8322,taxi driver,"cab driver',
    'taxi chauffeur",,released,2016-07-05T13:58:41Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations","Description of taxi driver, with a comma and a ""quote"".",8322.1',
    'Occupation,http://data.europa.eu/esco/occupation/00000004-aaaa-4aaa-8aaa-000000000004,7115,roof carpenter,roofer carpenter,,released,2016-07-05T13:58:41Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations","Description of roof carpenter, with a comma and a ""quote"".",7115.2',
  ],
  'v1.2.0/fr/occupations_fr.csv': [
    'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code',
    'Occupation,http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,7115,charpentier/charpentière,"charpentière',
    'charpentier',
    'menuisier du bâtiment",,released,2016-07-05T13:58:41Z,,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations",,7115.1',
    'Occupation,http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,8322,chauffeur de taxi/chauffeuse de taxi,"chauffeur de taxi',
    'chauffeuse de taxi",,released,2016-07-05T13:58:41Z,,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations",,8322.1',
    'Occupation,http://data.europa.eu/esco/occupation/00000004-aaaa-4aaa-8aaa-000000000004,7115,charpentier de toiture/charpentière de toiture,,,released,2016-07-05T13:58:41Z,,,,"http://data.europa.eu/esco/concept-scheme/occupations,',
    'http://data.europa.eu/esco/concept-scheme/member-occupations",,7115.2',
  ],
  'v1.2.0/relations/broaderRelationsOccPillar.csv': [
    'conceptType,conceptUri,broaderType,broaderUri',
    'ISCOGroup,http://data.europa.eu/esco/isco/C71,ISCOGroup,http://data.europa.eu/esco/isco/C7',
    'ISCOGroup,http://data.europa.eu/esco/isco/C711,ISCOGroup,http://data.europa.eu/esco/isco/C71',
    'ISCOGroup,http://data.europa.eu/esco/isco/C7115,ISCOGroup,http://data.europa.eu/esco/isco/C711',
    'ISCOGroup,http://data.europa.eu/esco/isco/C83,ISCOGroup,http://data.europa.eu/esco/isco/C8',
    'ISCOGroup,http://data.europa.eu/esco/isco/C832,ISCOGroup,http://data.europa.eu/esco/isco/C83',
    'ISCOGroup,http://data.europa.eu/esco/isco/C8322,ISCOGroup,http://data.europa.eu/esco/isco/C832',
    'Occupation,http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,ISCOGroup,http://data.europa.eu/esco/isco/C7115',
    'Occupation,http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,ISCOGroup,http://data.europa.eu/esco/isco/C8322',
    'Occupation,http://data.europa.eu/esco/occupation/00000004-aaaa-4aaa-8aaa-000000000004,Occupation,http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001',
  ],
  'v1.2.0/relations/occupationSkillRelations.csv': [
    'occupationUri,relationType,skillType,skillUri',
    'http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,essential,skill/competence,http://data.europa.eu/esco/skill/10000001-bbbb-4bbb-8bbb-000000000001',
    'http://data.europa.eu/esco/occupation/00000001-aaaa-4aaa-8aaa-000000000001,optional,skill/competence,http://data.europa.eu/esco/skill/10000004-bbbb-4bbb-8bbb-000000000004',
    'http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,essential,skill/competence,http://data.europa.eu/esco/skill/10000002-bbbb-4bbb-8bbb-000000000002',
    'http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,essential,knowledge,http://data.europa.eu/esco/skill/10000003-bbbb-4bbb-8bbb-000000000003',
    'http://data.europa.eu/esco/occupation/00000002-aaaa-4aaa-8aaa-000000000002,essential,skill/competence,http://data.europa.eu/esco/skill/10000005-bbbb-4bbb-8bbb-000000000005',
    'http://data.europa.eu/esco/occupation/00000004-aaaa-4aaa-8aaa-000000000004,essential,skill/competence,http://data.europa.eu/esco/skill/10000001-bbbb-4bbb-8bbb-000000000001',
  ],
};

/** Files the 1.2.0 fixture release keeps as they were in 1.1.0 (the others change). */
const unchangedIn120 = [
  'en/ISCOGroups_en.csv',
  'en/conceptSchemes_en.csv',
  'en/digitalSkillsCollection_en.csv',
  'en/skillGroups_en.csv',
  'en/skillsHierarchy_en.csv',
  'en/skills_en.csv',
  'en/transversalSkillsCollection_en.csv',
  'fr/ISCOGroups_fr.csv',
  'relations/broaderRelationsSkillPillar.csv',
  'relations/skillSkillRelations.csv',
];
for (const f of unchangedIn120) files[`v1.2.0/${f}`] = files[`v1.1.0/${f}`]!;

let written: string | null = null;

/** The folder holding the fixtures (`v1.1.0/`, `v1.2.0/`, `v1.0-ar/`, `labels/nl/`), written once per process. */
export function escoFixturesDir(): string {
  written ??= writeFixtureTree('passerelle-esco-fixtures-', files);
  return written;
}
