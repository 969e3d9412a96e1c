// What the generator builds before it writes rows: accounts, machines, visits, recommendations and
// survey responses as linked objects, so a reminder or a survey can point at a work order whose id
// is only given once every account's visits are known and sorted.

import type { ContractType, RecommendationStatus, ServicedBy, WorkOrderStatus, WorkOrderType } from '../shared/kinds';
import type { CategoryDefinition, RecommendationDefinition, SegmentDefinition } from './definition';
import type { StoryName } from './profiles';

export interface Account {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly segment: SegmentDefinition;
  readonly region: string;
  readonly owner: string;
  readonly contractType: ContractType;
  readonly responseHours: number;
  readonly renewalDay: number | null;
  readonly story: StoryName;
  /** The technician who does most visits, and the one who stands in. */
  readonly technician: string;
  readonly backupTechnician: string;
  readonly contacts: readonly string[];
  /** Annual contract value per machine we service. */
  readonly valuePerMachine: number;
}

export interface Machine {
  readonly id: string;
  readonly site: string;
  readonly location: string;
  readonly vendor: string;
  readonly model: string;
  readonly category: CategoryDefinition;
  readonly quantity: number;
  readonly ours: boolean;
  readonly servicedBy: ServicedBy;
  installDay: number;
  warrantyEndDay: number;
  readonly rated: number;
  actual: number;
  actualEarlier: number;
  /** Left out of the full-service contract: billed per visit once out of warranty. */
  timeAndMaterials: boolean;
  /** Removed from the site on this day. */
  goneDay: number | null;
  /** Serviced by a competitor from this day on. */
  lostToCompetitorDay: number | null;
}

export type CallQuality = 'good' | 'bad' | 'great';

export interface WorkOrder {
  id: string;
  readonly account: Account;
  readonly machine: Machine;
  readonly type: WorkOrderType;
  readonly opened: number;
  readonly promised: number | null;
  readonly arrived: number | null;
  readonly completed: number | null;
  readonly status: WorkOrderStatus;
  readonly fixedFirstTime: boolean | null;
  readonly partsMissing: boolean | null;
  readonly technician: string;
  readonly laborHours: number | null;
  readonly billed: number | null;
  followUp: number | null;
  readonly signed: boolean | null;
  recommendation: Recommendation | null;
  readonly reminded: Recommendation[];
  readonly notes: string;
  readonly quality: CallQuality;
  /** Order of creation within the account, to sort visits opened in the same minute. */
  readonly seq: number;
}

/** How later visits treat an open recommendation. */
export type ReminderPolicy = 'usual' | 'never' | 'always';

export interface Recommendation {
  id: string;
  readonly account: Account;
  readonly definition: RecommendationDefinition;
  readonly machine: Machine | null;
  readonly workOrder: WorkOrder | null;
  readonly madeDay: number;
  readonly reminders: ReminderPolicy;
  decision: { status: RecommendationStatus; day: number | null; acknowledged: boolean } | null;
}

export interface SurveyResponse {
  id: string;
  readonly account: Account;
  readonly responded: number;
  readonly nps: number | null;
  readonly csat: number | null;
  readonly ces: number | null;
  readonly contact: string;
  readonly workOrder: WorkOrder | null;
  readonly comment: string;
  readonly followUp: number | null;
}

/** One account's generated history. */
export interface AccountHistory {
  readonly account: Account;
  readonly machines: Machine[];
  workOrders: WorkOrder[];
  readonly reviewRecommendations: Recommendation[];
  surveys: SurveyResponse[];
  /** Surveys the story needs, written whatever the routine survey rules say. */
  readonly storySurveys: StorySurvey[];
  /** The last day of any contact (silent accounts); null when the account is in touch. */
  quietFrom: number | null;
  /** Routine survey responses stop before this day, so the story's own response is the latest. */
  routineSurveysUntil: number | null;
}

export interface StorySurvey {
  readonly day: number;
  readonly nps: number;
  readonly workOrder: WorkOrder | null;
  readonly comment: 'good' | 'neutral' | 'bad' | 'failure';
  readonly followUp: 'usual' | 'none' | 'within_two_days';
}
