// The shape of resources/demo/portfolio.json: everything the demo is made of that is data, not logic.
// Strings that must be one of a fixed set (a story, a severity) are checked by checkDefinition, so a
// hand-edited definition fails with a clear message rather than producing rows the importer rejects.

import { RECOMMENDATION_CATEGORIES, SEVERITIES, CONTRACT_TYPES } from '../shared/kinds';
import type { Range } from './random';
import { STORY_NAMES } from './profiles';

export type { Range };

export interface Share {
  readonly name: string;
  readonly share: number;
}

export interface SegmentDefinition extends Share {
  readonly sites: Range;
  readonly locationsPerSite: Range;
  readonly machinesPerLocation: Range;
  /** Annual contract value per machine we service. */
  readonly valuePerMachine: Range;
  /** Endings of account names in this segment ("Medical Center", "Law Group"). */
  readonly nameEndings: readonly string[];
}

export interface PersonInRegion {
  readonly name: string;
  readonly region: string;
}

export interface ContractDefinition {
  readonly type: string;
  readonly share: number;
  /** Promised arrival for a breakdown, in business hours. */
  readonly responseHours: number;
}

export interface CategoryDefinition {
  readonly name: string;
  readonly weight: number;
  readonly preventiveEveryDays: number;
  readonly breakdownsPerYear: number;
  readonly warrantyDays: number;
  readonly quantity: Range;
  readonly preventiveHours: Range;
  readonly repairHours: Range;
  /** Parts cost of a repair relative to the portfolio's price list (a desktop printer's are cheap). */
  readonly partsScale?: number;
}

export interface ModelDefinition {
  readonly model: string;
  readonly category: string;
  readonly rated_monthly_volume: number;
}

export interface VendorDefinition {
  readonly name: string;
  readonly serialPrefix: string;
  readonly models: readonly ModelDefinition[];
}

export interface LocationDefinition {
  readonly name: string;
  /** The categories of machine found there; any category when absent. */
  readonly categories?: readonly string[];
}

export interface RecommendationDefinition {
  readonly text: string;
  readonly category: string;
  readonly severity: string;
  /** "visit": written by a technician on a work order; "review": made at a business review. */
  readonly origin: string;
  /** The asset categories it applies to; any when absent. */
  readonly appliesTo?: readonly string[];
}

export interface SurveyComments {
  readonly good: readonly string[];
  readonly neutral: readonly string[];
  readonly bad: readonly string[];
  /** After a failure the customer had been warned about and then forgot. */
  readonly failure: readonly string[];
}

export interface WorkOrderNotes {
  readonly preventive: readonly string[];
  readonly break_fix: readonly string[];
  readonly install: readonly string[];
  readonly inspection: readonly string[];
  readonly cancelled: readonly string[];
  readonly late: readonly string[];
  readonly not_fixed: readonly string[];
  readonly parts_missing: readonly string[];
  readonly return_visit: readonly string[];
  readonly preventable_failure: readonly string[];
  readonly repeat_failure: readonly string[];
  readonly buying_signal: readonly string[];
}

export interface Pricing {
  readonly laborRate: number;
  readonly callOutFee: number;
  readonly parts: Range;
  readonly majorRepairParts: Range;
}

export interface StoryDefinition extends Share {
  readonly description: string;
}

export interface DemoDefinition {
  readonly seed: number;
  readonly counts: {
    readonly accounts: number;
    /** Days of service history ending at the as-of date. */
    readonly historyDays: number;
    /** How long before the as-of date the earlier installed base was taken. */
    readonly earlierInstalledBaseDays: number;
  };
  /** Our company's name. */
  readonly company: string;
  /** The brand on our own machines: one of the vendors. */
  readonly ourVendor: string;
  readonly segments: readonly SegmentDefinition[];
  readonly regions: readonly Share[];
  readonly owners: readonly PersonInRegion[];
  readonly technicians: readonly PersonInRegion[];
  readonly contracts: readonly ContractDefinition[];
  readonly categories: readonly CategoryDefinition[];
  readonly vendors: readonly VendorDefinition[];
  readonly sites: readonly string[];
  readonly locations: readonly LocationDefinition[];
  readonly accountNameWords: readonly string[];
  readonly contactFirstNames: readonly string[];
  readonly contactLastNames: readonly string[];
  readonly surveyComments: SurveyComments;
  readonly recommendations: readonly RecommendationDefinition[];
  readonly workOrderNotes: WorkOrderNotes;
  readonly pricing: Pricing;
  readonly stories: readonly StoryDefinition[];
}

/** Throws on the first thing in a definition that would produce unusable rows. */
export function checkDefinition(definition: DemoDefinition): void {
  const fail = (message: string): never => {
    throw new Error(`Demo definition: ${message}`);
  };
  const names = (items: readonly { name: string }[]): Set<string> => new Set(items.map((i) => i.name));
  const oneOf = (value: string, allowed: readonly string[], what: string): void => {
    if (!allowed.includes(value)) fail(`${what} "${value}" is not one of ${allowed.join(', ')}`);
  };

  if (definition.counts.accounts < 1) fail('counts.accounts must be at least 1');
  if (definition.counts.earlierInstalledBaseDays >= definition.counts.historyDays) {
    fail('the earlier installed base must fall inside the history');
  }
  const regions = names(definition.regions);
  for (const person of [...definition.owners, ...definition.technicians]) {
    if (!regions.has(person.region)) fail(`${person.name} is in the unknown region "${person.region}"`);
  }
  for (const region of regions) {
    if (!definition.owners.some((o) => o.region === region)) fail(`region "${region}" has no owner`);
    if (definition.technicians.filter((t) => t.region === region).length < 2) fail(`region "${region}" needs two technicians`);
  }
  for (const contract of definition.contracts) oneOf(contract.type, CONTRACT_TYPES, 'contract type');
  const categories = names(definition.categories);
  if (!definition.vendors.some((v) => v.name === definition.ourVendor)) fail(`our vendor "${definition.ourVendor}" has no models`);
  if (definition.vendors.length < 4) fail('at least three competitor vendors are needed');
  for (const vendor of definition.vendors) {
    if (vendor.models.length === 0) fail(`vendor "${vendor.name}" has no models`);
    for (const model of vendor.models) if (!categories.has(model.category)) fail(`model "${model.model}" has the unknown category "${model.category}"`);
  }
  for (const location of definition.locations) {
    for (const category of location.categories ?? []) if (!categories.has(category)) fail(`location "${location.name}" names the unknown category "${category}"`);
  }
  for (const r of definition.recommendations) {
    oneOf(r.category, RECOMMENDATION_CATEGORIES, 'recommendation category');
    oneOf(r.severity, SEVERITIES, 'recommendation severity');
    oneOf(r.origin, ['visit', 'review'], 'recommendation origin');
  }
  if (!definition.recommendations.some((r) => r.origin === 'visit' && (r.severity === 'high' || r.severity === 'critical'))) {
    fail('a high-severity visit recommendation is needed for the story of the ignored recommendation');
  }
  for (const story of definition.stories) oneOf(story.name, STORY_NAMES, 'story');
  if (definition.segments.length === 0 || definition.segments.some((s) => s.nameEndings.length === 0)) fail('every segment needs name endings');
  if (definition.sites.length < 4 || definition.locations.length < 6) fail('more site and location names are needed');
}
