export {
  analyzeText,
  analyzeToken,
  masculineForm,
  removeExceptClauses,
  removeGenderMarks,
  tokenizeWithOffsets,
} from './analyze';
export type { AnalyzedText, AnalyzeOptions, OffsetToken } from './analyze';
export { detectLanguage, isTextLanguage, stemmerFor, textLanguages } from './lang';
export { isPluralTitle, isPluralWord } from './grammatical-number';
export type { LanguageCode, TextLanguage } from './lang';
export { negationScopes, isNegated } from './negation';
export { SparseIndex, charNgrams } from './sparse-index';
export type { ScoreBuffer, SparseIndexOptions, Weighting } from './sparse-index';
export { SoftWordIndex } from './soft-words';
export { LatentSpace } from './latent-space';
export type { LatentSpaceOptions } from './latent-space';
export { LabelClassifier } from './label-classifier';
export type { ClassifierExample, ClassifierScores, LabelClassifierOptions } from './label-classifier';
export {
  addBroaderRelationsCsv,
  addEscoConceptsCsv,
  addMeloLabels,
  createKnowledge,
  loadSkillKnowledge,
  loadTaxonomyKnowledge,
  mergeKnowledge,
  readMeloCorpus,
} from './esco-files';
export type {
  ConceptFacts,
  ConceptKnowledge,
  ConceptLabel,
  KnowledgeSources,
  LabelKind,
  MeloCorpus,
} from './esco-files';
export { knowledgeFromConcepts } from './knowledge-from-store';
export { createOccupationLinker, defaultLinkerWeights, OccupationLinker } from './occupation-linker';
export type {
  LinkerWeights,
  LinkOptions,
  OccupationLinkerOptions,
  OccupationMatch,
} from './occupation-linker';
export { createSkillExtractor, defaultSkillWeights, SkillExtractor } from './skill-extractor';
export type { ExtractedSkill, ExtractOptions, SkillExtractorOptions, SkillWeights } from './skill-extractor';
export { accuracyAt1, mean, recallAtK, reciprocalRank, rPrecisionAtK } from './metrics';
export {
  evaluateOccupationLinking,
  loadMeloEvaluation,
  scoreMeloEvaluation,
} from './eval-occupation-linking';
export type { OccupationLinkingEvalOptions, OccupationLinkingReport } from './eval-occupation-linking';
export {
  evaluateTitleNormalization,
  loadTitleNormalization,
  titleNormalizationWeights,
} from './eval-title-normalization';
export type { TitleNormalizationEvalOptions, TitleNormalizationReport } from './eval-title-normalization';
export { evaluateSkillExtraction, loadSkillExtraction } from './eval-skill-extraction';
export type { SkillExtractionEvalOptions, SkillExtractionReport } from './eval-skill-extraction';
export { benchmarkText } from './bench-text';
export type { TextBenchReport } from './bench-text';
