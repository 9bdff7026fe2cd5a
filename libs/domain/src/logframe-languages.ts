import { DEMO_NOTICE } from './demo/notice.js';
import { ACTIVITIES, INDICATORS, OBJECTIVES, PROJECT, type ActivityCode, type ObjectiveCode, type Text } from './logframe.js';

/**
 * The logframe in the donor's and the field's other languages (DOMAIN.md: the reports also speak
 * German and Arabic, logframe texts included). French and English live beside each text in
 * logframe.ts; German and Arabic here, keyed by code, until every text carries all four.
 * The German and Arabic texts are our translations and want a native speaker's review.
 */
export type Lang = 'fr' | 'en' | 'de' | 'ar';
export const LANGS: readonly Lang[] = ['fr', 'en', 'de', 'ar'];

type Other = { de: string; ar: string };

const INDICATOR_TITLES: Record<string, Other> = {
  '1.1': { de: 'Identifizierte und weitervermittelte mutmaßliche Opfer', ar: 'الضحايا المفترضون الذين تم تحديدهم وإحالتهم' },
  '1.2': { de: 'Opfer, die direkte Hilfe erhalten haben', ar: 'الضحايا الذين تلقوا مساعدة مباشرة' },
  '1.3': { de: 'Anteil der identifizierten Opfer, die Hilfe erhalten haben', ar: 'نسبة الضحايا المحددين الذين تلقوا المساعدة' },
  '2.1': { de: 'Geschulte Regierungsbedienstete', ar: 'الموظفون الحكوميون المدرَّبون' },
  '2.2': { de: 'Geschultes Personal zivilgesellschaftlicher Organisationen', ar: 'موظفو منظمات المجتمع المدني المدرَّبون' },
  '2.3': { de: 'In direkter Opferhilfe geschultes IOM-Personal', ar: 'موظفو المنظمة الدولية للهجرة المدرَّبون على المساعدة المباشرة' },
  '2.4': { de: 'Anteil der getesteten Teilnehmenden mit verbessertem Wissen', ar: 'نسبة المتدربين الذين خضعوا للاختبار وتحسنت معارفهم' },
  '2.5': { de: 'Erfasste zivilgesellschaftliche Organisationen', ar: 'منظمات المجتمع المدني التي تم رصدها' },
  '2.6': { de: 'Auf ihre Organisationskapazität bewertete Organisationen', ar: 'منظمات المجتمع المدني التي قُيِّمت قدراتها التنظيمية' },
  '2.7': { de: 'Organisationen mit einer Partnerschaftsvereinbarung mit der IOM', ar: 'منظمات المجتمع المدني المرتبطة باتفاقية شراكة مع المنظمة الدولية للهجرة' },
  '3.1': { de: 'Bei der freiwilligen Rückkehr unterstützte Opfer (AVRR)', ar: 'الضحايا الذين تمت مساعدتهم على العودة الطوعية' },
  '3.2': { de: 'Opfer mit Unterstützung bei der Reintegration', ar: 'الضحايا الذين يتلقون دعمًا لإعادة الإدماج' },
  '3.3': { de: 'Anteil der zurückgekehrten Opfer mit Reintegrationsunterstützung', ar: 'نسبة الضحايا العائدين الذين تلقوا دعمًا لإعادة الإدماج' },
};

const OBJECTIVE_TITLES: Record<ObjectiveCode, Other> = {
  OS1: {
    de: 'Besseren Schutz und bessere Hilfe für Opfer von Menschenhandel fördern.',
    ar: 'تعزيز حماية ضحايا الاتجار بالبشر ومساعدتهم بشكل أفضل.',
  },
  OS2: {
    de: 'Die Kapazitäten staatlicher Institutionen und der Zivilgesellschaft stärken, um den Herausforderungen des Menschenhandels zu begegnen.',
    ar: 'تعزيز قدرات المؤسسات الحكومية والمجتمع المدني لمواجهة التحديات التي يطرحها الاتجار بالبشر.',
  },
  OS3: {
    de: 'Dauerhafte Lösungen für diese besonders schutzbedürftige Gruppe unter den Migrantinnen und Migranten anbieten.',
    ar: 'توفير حلول دائمة لهذه الفئة الهشة من المهاجرين.',
  },
};

const ACTIVITY_TITLES: Record<ActivityCode, Other> = {
  A1: {
    de: 'Die im Rechtsschutz und in der Sozialhilfe tätigen zivilgesellschaftlichen Organisationen erfassen und ihre Organisationskapazität für eine Partnerschaft mit der IOM bewerten.',
    ar: 'رصد منظمات المجتمع المدني الناشطة في حماية الحقوق والمساعدة الاجتماعية وتقييم قدراتها التنظيمية من أجل شراكة مع المنظمة الدولية للهجرة.',
  },
  A2: {
    de: 'Die Kapazitäten zivilgesellschaftlicher Organisationen in der Bekämpfung des Menschenhandels stärken (Schulungen).',
    ar: 'تعزيز قدرات منظمات المجتمع المدني في مكافحة الاتجار بالبشر (دورات تدريبية).',
  },
  A3: {
    de: 'Die Kapazitäten von Regierungsbediensteten stärken (Schulungen).',
    ar: 'تعزيز قدرات الموظفين الحكوميين (دورات تدريبية).',
  },
  A4: {
    de: 'IOM-Personal in der direkten Hilfe für Opfer schulen, die sich im Rahmen des Programms für unterstützte freiwillige Rückkehr und Reintegration (AVRR) an die IOM Rabat wenden.',
    ar: 'تدريب موظفي المنظمة الدولية للهجرة على المساعدة المباشرة للضحايا الذين يلجؤون إلى مكتب الرباط في إطار برنامج العودة الطوعية المدعومة وإعادة الإدماج.',
  },
};

const PROJECT_TEXTS = {
  title: {
    de: 'Bekämpfung des Menschenhandels durch Stärkung der Kapazitäten von NRO und Behörden in Marokko',
    ar: 'مكافحة الاتجار بالبشر من خلال تعزيز قدرات المنظمات غير الحكومية والسلطات في المغرب',
  },
  implementer: {
    de: 'Internationale Organisation für Migration (IOM), Rabat',
    ar: 'المنظمة الدولية للهجرة، الرباط',
  },
  donor: {
    de: 'Bundesrepublik Deutschland, Auswärtiges Amt',
    ar: 'جمهورية ألمانيا الاتحادية، وزارة الخارجية',
  },
  notice: {
    de: 'Richtwerte: Das Projektblatt nennt keine Zielwerte.',
    ar: 'قيم مستهدفة توضيحية: وثيقة المشروع لا تحدد أي قيم مستهدفة.',
  },
} satisfies Record<string, Other>;

/** How each indicator is computed, as the indicator page shows it. */
const COMPUTED_AS: Record<string, Other> = {
  '1.1': { de: 'unterschiedliche Fälle', ar: 'حالات متمايزة' },
  '1.2': { de: 'unterschiedliche Fälle mit mindestens einer Hilfeleistung', ar: 'حالات متمايزة تلقت مساعدة واحدة على الأقل' },
  '1.3': { de: '100 × 1.2 / 1.1', ar: '100 × 1.2 / 1.1' },
  '2.1': { de: 'Σ Teilnehmende, Zielgruppe „Regierung“', ar: 'مجموع المشاركين، فئة «الحكومة»' },
  '2.2': { de: 'Σ Teilnehmende, Zielgruppe „Zivilgesellschaft“', ar: 'مجموع المشاركين، فئة «منظمات المجتمع المدني»' },
  '2.3': { de: 'Σ Teilnehmende, Zielgruppe „IOM-Personal“', ar: 'مجموع المشاركين، فئة «موظفو المنظمة الدولية للهجرة»' },
  '2.4': { de: '100 × Σ verbessert / Σ getestet', ar: '100 × مجموع من تحسنت معارفهم / مجموع من خضعوا للاختبار' },
  '2.5': { de: 'unterschiedliche Organisationen', ar: 'منظمات متمايزة' },
  '2.6': { de: 'unterschiedliche Organisationen mit mindestens einer Bewertung', ar: 'منظمات متمايزة خضعت لتقييم واحد على الأقل' },
  '2.7': { de: 'unterschiedliche Organisationen mit einer Vereinbarung', ar: 'منظمات متمايزة لديها اتفاقية شراكة' },
  '3.1': { de: 'unterschiedliche Fälle mit „avrr_return“', ar: 'حالات متمايزة مع «avrr_return»' },
  '3.2': { de: 'unterschiedliche Fälle mit „reintegration“', ar: 'حالات متمايزة مع «reintegration»' },
  '3.3': { de: '100 × (Fälle mit beidem) / 3.1', ar: '100 × (الحالات التي تلقت الاثنين) / 3.1' },
};

/** The project's context, in PROJECT.context's order. */
const CONTEXT: readonly Other[] = [
  { de: 'Marokko ist zugleich Transit- und Zielland für Migrantinnen und Migranten.', ar: 'المغرب بلد عبور ووجهة للمهاجرين في آن واحد.' },
  { de: 'Schätzungsweise 25.000 bis 40.000 irreguläre Migrantinnen und Migranten leben in Marokko.', ar: 'يُقدَّر عدد المهاجرين في وضع غير نظامي بالمغرب بما بين 25 ألفًا و40 ألفًا.' },
  { de: 'Marokko hat im April 2011 das Palermo-Protokoll unterzeichnet.', ar: 'وقّع المغرب على بروتوكول باليرمو في أبريل 2011.' },
  { de: 'Im September 2013 wurde eine Reform der Migrationspolitik angekündigt.', ar: 'أُعلن عن إصلاح لسياسة الهجرة في سبتمبر 2013.' },
  {
    de: 'Zu Projektbeginn gab es weder ein nationales Gesetz gegen Menschenhandel noch ein Protokoll zur Identifizierung von Opfern.',
    ar: 'عند انطلاق المشروع، لم يكن هناك قانون وطني لمكافحة الاتجار بالبشر ولا بروتوكول لتحديد هوية الضحايا.',
  },
];

/** The demo history's notice (DEMO_NOTICE). */
const DEMO: Other = {
  de: 'Synthetische Demodaten: Organisationen, Schulungen und Fälle sind erfunden und automatisch erzeugt.',
  ar: 'بيانات عرض اصطناعية: المنظمات والدورات التدريبية والحالات وهمية ومُولَّدة آليًا.',
};

/** A text of the logframe in one of the four languages. */
function inLang(text: Text, other: Other | undefined, lang: Lang): string {
  if (lang === 'fr' || lang === 'en') return text[lang];
  return other?.[lang] ?? text.en;
}

export function indicatorTitle(code: string, lang: Lang): string {
  const def = INDICATORS.find((i) => i.code === code);
  if (!def) throw new RangeError(`no indicator ${code}`);
  return inLang(def.title, INDICATOR_TITLES[code], lang);
}

export function objectiveTitle(code: ObjectiveCode, lang: Lang): string {
  const objective = OBJECTIVES.find((o) => o.code === code)!;
  return inLang(objective.title, OBJECTIVE_TITLES[code], lang);
}

export function activityTitle(code: ActivityCode, lang: Lang): string {
  const activity = ACTIVITIES.find((a) => a.code === code)!;
  return inLang(activity.title, ACTIVITY_TITLES[code], lang);
}

export function projectText(key: keyof typeof PROJECT_TEXTS, lang: Lang): string {
  return inLang(PROJECT[key], PROJECT_TEXTS[key], lang);
}

export function computedAsText(code: string, lang: Lang): string {
  const def = INDICATORS.find((i) => i.code === code);
  if (!def) throw new RangeError(`no indicator ${code}`);
  return inLang(def.computedAs, COMPUTED_AS[code], lang);
}

/** The i-th sentence of the project's context. */
export function contextText(index: number, lang: Lang): string {
  return inLang(PROJECT.context[index]!, CONTEXT[index], lang);
}

export function demoNotice(lang: Lang): string {
  return inLang(DEMO_NOTICE, DEMO, lang);
}
