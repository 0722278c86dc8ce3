import type { ConceptKnowledge } from './esco-files';
import { OccupationLinker } from './occupation-linker';
import { SkillExtractor } from './skill-extractor';

/** Result of `passerelle bench text`. */
export interface TextBenchReport {
  titles_per_s: number;
  extract_mb_per_s: number;
  titles: number;
  text_mb: number;
  occupation_labels: number;
  skill_labels: number;
  build_s: number;
  /** Throughput is measured in CPU time of this process: one core, whatever else the machine runs. */
  timing: 'cpu';
}

export interface TextBenchOptions {
  /** Number of titles to link. Default 5000. */
  titles?: number;
  /** Megabytes of free text to extract skills from. Default 1. */
  textMb?: number;
  lang?: string;
  seed?: number;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

const titleNoise = [
  'senior',
  'junior',
  'trainee',
  'assistant',
  '(m/f)',
  'team lead',
  'part-time',
  'Brussels',
  'urgent',
  'II',
];
const fillers = [
  'We are looking for a motivated colleague with experience in',
  'The candidate has worked for three years and knows',
  'Responsibilities include daily tasks such as',
  'No experience with',
  'Good knowledge of',
  'and is able to',
  'in a small team, under time pressure, with attention to detail.',
];

/**
 * Times occupation linking and skill extraction on synthetic but realistic input drawn from the
 * knowledge: titles are labels with words dropped, shuffled or decorated; the free text mixes
 * skill labels with filler sentences.
 */
export function benchmarkText(
  occupations: ConceptKnowledge,
  skills: ConceptKnowledge,
  options: TextBenchOptions = {},
): TextBenchReport {
  const lang = options.lang ?? 'en';
  const random = seeded(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  let t = process.cpuUsage();
  const linker = new OccupationLinker(occupations, { languages: [lang], defaultLanguage: lang });
  const extractor = new SkillExtractor(skills, { languages: [lang], defaultLanguage: lang });
  const buildSeconds = cpuSeconds(t);

  const occupationLabels = occupations.labels.filter((l) => l.lang === lang).map((l) => l.text);
  const skillLabels = skills.labels.filter((l) => l.lang === lang).map((l) => l.text);
  if (occupationLabels.length === 0 || skillLabels.length === 0)
    throw new Error(`bench text needs occupation and skill labels in ${lang}`);

  const titleCount = options.titles ?? 5000;
  const titles: string[] = [];
  for (let i = 0; i < titleCount; i++) {
    const words = pick(occupationLabels).split(/\s+/);
    if (words.length > 2 && random() < 0.3) words.splice(Math.floor(random() * words.length), 1);
    if (random() < 0.2) words.reverse();
    if (random() < 0.5) words.push(pick(titleNoise));
    titles.push(random() < 0.3 ? words.join(' ').toUpperCase() : words.join(' '));
  }
  const targetBytes = Math.round((options.textMb ?? 1) * 1024 * 1024);
  const lines: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const line = `${pick(fillers)} ${pick(skillLabels)}, ${pick(skillLabels)} and ${pick(skillLabels)} ${pick(fillers)}`;
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }

  // Warm-up, then timing.
  for (const title of titles.slice(0, 200)) linker.link(title, { lang, limit: 10 });
  t = process.cpuUsage();
  for (const title of titles) linker.link(title, { lang, limit: 10 });
  const titleSeconds = cpuSeconds(t);

  for (const line of lines.slice(0, 100)) extractor.extract(line, { lang });
  t = process.cpuUsage();
  for (const line of lines) extractor.extract(line, { lang });
  const extractSeconds = cpuSeconds(t);

  const mb = bytes / (1024 * 1024);
  return {
    titles_per_s: Math.round(titleCount / titleSeconds),
    extract_mb_per_s: Math.round((mb / extractSeconds) * 100) / 100,
    titles: titleCount,
    text_mb: Math.round(mb * 100) / 100,
    occupation_labels: linker.labelCount,
    skill_labels: extractor.labelCount,
    build_s: Math.round(buildSeconds * 100) / 100,
    timing: 'cpu',
  };
}
