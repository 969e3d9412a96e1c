import type { Kind } from '../shared/kinds';

/** A header folded for matching: "Work Order #" → "workorder", "SVMXC__Company__c" → "svmxccompanyc". */
export function compactHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Headers people and generic tools use for each canonical field, most specific first (folded with
// compactHeader). The canonical names themselves always match first.
const ACCOUNT_REF = ['accountid', 'account', 'accountnumber', 'accountno', 'acctid', 'customerid', 'customernumber', 'customerno', 'custid', 'clientid', 'clientnumber', 'customer', 'client', 'kundennummer', 'kunde', 'numeroclient'];
const ASSET_REF = ['assetid', 'assetnumber', 'assetno', 'asset', 'assettag', 'serialnumber', 'serialno', 'serial', 'sn', 'equipmentid', 'equipmentnumber', 'equipment', 'machineid', 'machine', 'deviceid', 'device', 'unitid'];
const WORK_ORDER_REF = ['workorderid', 'workordernumber', 'workorderno', 'workorder', 'wonumber', 'wono', 'woid', 'wo', 'ticketid', 'ticketnumber', 'ticket', 'servicecallid', 'callid', 'jobid', 'jobnumber'];

export const GENERIC_ALIASES: Readonly<Record<Kind, Readonly<Record<string, readonly string[]>>>> = {
  accounts: {
    account_id: ['accountid', 'accountnumber', 'accountno', 'acctid', 'customerid', 'customernumber', 'customerno', 'custid', 'clientid', 'clientnumber', 'kundennummer', 'numeroclient'],
    name: ['name', 'accountname', 'customername', 'companyname', 'company', 'clientname', 'organisation', 'organization', 'account', 'customer', 'client', 'firma', 'raisonsociale'],
    segment: ['segment', 'customersegment', 'industry', 'vertical', 'tier', 'accounttype', 'accttype', 'customertype', 'type', 'branche'],
    region: ['region', 'salesregion', 'territory', 'area', 'country', 'billingcountry', 'state', 'land', 'pays'],
    owner: ['owner', 'accountowner', 'ownername', 'accountmanager', 'am', 'csm', 'customersuccessmanager', 'keyaccountmanager', 'kam', 'salesrep', 'manager'],
    contract_type: ['contracttype', 'servicecontracttype', 'agreementtype', 'contract', 'servicelevel', 'sla', 'coverage'],
    contract_renewal_date: ['contractrenewaldate', 'renewaldate', 'renewal', 'renewalon', 'contractenddate', 'contractend', 'contractexpiration', 'expirationdate', 'expirydate', 'enddate'],
    annual_value: ['annualvalue', 'annualcontractvalue', 'acv', 'arr', 'contractvalue', 'annualrevenue', 'revenue', 'yearlyvalue'],
  },
  assets: {
    account_id: ACCOUNT_REF,
    asset_id: ASSET_REF,
    site: ['site', 'sitename', 'siteid', 'building', 'facility', 'plant', 'branch', 'store', 'address', 'sitelocation', 'standort'],
    location: ['location', 'floor', 'department', 'dept', 'room', 'area', 'position', 'locationdetail', 'etage', 'abteilung'],
    vendor: ['vendor', 'manufacturer', 'manufacturername', 'make', 'brand', 'oem', 'mfr', 'mfg', 'hersteller', 'fabricant', 'supplier'],
    model: ['model', 'modelnumber', 'modelno', 'modelname', 'productmodel', 'assetname', 'productname', 'product'],
    category: ['category', 'assetcategory', 'equipmenttype', 'assettype', 'producttype', 'productfamily', 'family', 'class', 'type'],
    quantity: ['quantity', 'qty', 'units', 'numberofunits', 'count', 'anzahl'],
    serviced_by: ['servicedby', 'maintainedby', 'servicer', 'serviceprovider', 'maintainer', 'serviceorganisation', 'serviceorganization'],
    coverage: ['coverage', 'coveragetype', 'servicecoverage', 'contractcoverage', 'entitlement', 'servicecontract', 'contracttype'],
    warranty_end: ['warrantyend', 'warrantyenddate', 'warrantyexpiration', 'warrantyexpirationdate', 'warrantyexpires', 'warrantyuntil', 'warranty'],
    install_date: ['installdate', 'installationdate', 'installedon', 'dateinstalled', 'installed', 'commissioningdate', 'inservicedate'],
    rated_monthly_volume: ['ratedmonthlyvolume', 'ratedvolume', 'ratedcapacity', 'capacity', 'dutycycle', 'maxmonthlyvolume', 'recommendedmonthlyvolume'],
    actual_monthly_volume: ['actualmonthlyvolume', 'monthlyvolume', 'actualvolume', 'averagemonthlyvolume', 'avgmonthlyvolume', 'monthlyusage', 'usage'],
    as_of: ['asof', 'asofdate', 'snapshotdate', 'inventorydate', 'reportdate', 'lastverified', 'verifiedon'],
  },
  service: {
    work_order_id: WORK_ORDER_REF,
    account_id: ACCOUNT_REF,
    asset_id: ASSET_REF,
    site: ['site', 'sitename', 'siteid', 'location', 'building', 'facility', 'store', 'address'],
    type: ['type', 'worktype', 'workordertype', 'calltype', 'ordertype', 'visittype', 'servicetype', 'jobtype', 'maintenancetype', 'category'],
    opened_at: ['openedat', 'opened', 'openedon', 'opendate', 'dateopened', 'createddate', 'createdon', 'created', 'createdat', 'reportedat', 'reporteddate', 'calldate', 'requestdate', 'requestedon', 'scheduledate', 'scheduleddate', 'visitdate', 'servicedate', 'date', 'datetime', 'timestamp'],
    promised_at: ['promisedat', 'promised', 'promiseddate', 'promisedarrival', 'promisedby', 'duedate', 'dueby', 'sladue', 'sladuedate', 'responseby', 'responsedue', 'etadue', 'targetarrival'],
    arrived_at: ['arrivedat', 'arrived', 'arrival', 'arrivaltime', 'arrivedon', 'onsiteat', 'onsite', 'actualarrival', 'actualstart', 'actualstarttime', 'starttime'],
    completed_at: ['completedat', 'completed', 'completedon', 'completeddate', 'completiondate', 'closedat', 'closedon', 'closeddate', 'closed', 'resolvedat', 'resolvedon', 'finishedat', 'endtime', 'enddate'],
    status: ['status', 'workorderstatus', 'wostatus', 'jobstatus', 'callstatus', 'state'],
    fixed_first_time: ['fixedfirsttime', 'firsttimefix', 'ftf', 'fixedonfirstvisit', 'resolvedfirstvisit', 'firstvisitfix', 'ftfr'],
    parts_missing: ['partsmissing', 'missingparts', 'partsshortage', 'waitingforparts', 'partsnotavailable', 'partsunavailable'],
    technician: ['technician', 'technicianname', 'tech', 'engineer', 'fieldengineer', 'serviceengineer', 'assignedto', 'resource', 'servicetechnician', 'techniker'],
    labor_hours: ['laborhours', 'labourhours', 'hours', 'workhours', 'timespent', 'hoursworked', 'laborduration'],
    billed_amount: ['billedamount', 'billed', 'invoiceamount', 'invoicetotal', 'amount', 'totalamount', 'total', 'charge', 'charges', 'price'],
    follow_up_at: ['followupat', 'followup', 'followedup', 'followedupat', 'followedupon', 'followupdate', 'callbackat', 'callback', 'callbackdate'],
    customer_signed: ['customersigned', 'signed', 'signedbycustomer', 'customersignature', 'signature', 'signoff'],
    recommendation: ['recommendation', 'recommendations', 'technicianrecommendation', 'techrecommendation', 'recommendedaction', 'advice', 'followupaction'],
    recommendation_severity: ['recommendationseverity', 'recommendationpriority', 'recommendationurgency'],
    reminded_recommendation_ids: ['remindedrecommendationids', 'remindedrecommendations', 'remindedof', 'reminded', 'recommendationsreviewed'],
    notes: ['notes', 'note', 'description', 'comments', 'comment', 'summary', 'workperformed', 'resolution', 'problemdescription', 'subject', 'details'],
  },
  recommendations: {
    recommendation_id: ['recommendationid', 'recommendationnumber', 'recommendationno', 'recid', 'id'],
    account_id: ACCOUNT_REF,
    asset_id: ASSET_REF,
    work_order_id: WORK_ORDER_REF,
    made_at: ['madeat', 'madeon', 'made', 'recommendedon', 'recommendationdate', 'raisedon', 'raised', 'createddate', 'createdon', 'created', 'date'],
    text: ['text', 'recommendation', 'recommendationtext', 'description', 'details', 'summary', 'advice'],
    category: ['category', 'recommendationcategory', 'type', 'recommendationtype'],
    severity: ['severity', 'priority', 'urgency', 'risk'],
    customer_acknowledged: ['customeracknowledged', 'acknowledged', 'acknowledgedbycustomer', 'customerinformed', 'customersigned', 'signed'],
    status: ['status', 'recommendationstatus', 'state', 'outcome'],
    decided_at: ['decidedat', 'decidedon', 'decided', 'decisiondate', 'closeddate', 'closedon', 'resolvedon'],
  },
  surveys: {
    response_id: ['responseid', 'respondentid', 'surveyresponseid', 'responsenumber', 'submissionid', 'id'],
    account_id: [...ACCOUNT_REF, 'externalreference', 'externaldatareference'],
    responded_at: ['respondedat', 'respondedon', 'responded', 'responsedate', 'surveydate', 'submittedat', 'submittedon', 'submitted', 'recordeddate', 'completedat', 'completed', 'enddate', 'date', 'datetime', 'timestamp'],
    nps: ['nps', 'npsscore', 'npsrating', 'likelihoodtorecommend', 'ltr', 'recommend', 'recommendationscore'],
    csat: ['csat', 'csatscore', 'satisfaction', 'satisfactionscore', 'overallsatisfaction', 'customersatisfaction'],
    ces: ['ces', 'cesscore', 'customereffort', 'customereffortscore', 'effort', 'effortscore', 'easeofdoingbusiness'],
    contact: ['contact', 'contactname', 'contactemail', 'respondent', 'respondentname', 'email', 'emailaddress', 'recipientemail'],
    work_order_id: WORK_ORDER_REF,
    comment: ['comment', 'comments', 'feedback', 'verbatim', 'reason', 'why', 'explication', 'kommentar', 'commentaire', 'remarks', 'opentext'],
    follow_up_at: ['followupat', 'followup', 'followedup', 'followedupat', 'followedupon', 'followupdate', 'closedloopat', 'loopclosedat', 'callbackdate', 'callback'],
  },
};

/** Fields that tell one kind from another; recognising them counts more when guessing the kind. */
export const SIGNATURE_FIELDS: Readonly<Record<Kind, readonly string[]>> = {
  accounts: ['name', 'segment', 'region', 'owner', 'contract_type', 'contract_renewal_date', 'annual_value'],
  assets: ['asset_id', 'vendor', 'model', 'category', 'quantity', 'serviced_by', 'coverage', 'warranty_end', 'install_date', 'rated_monthly_volume', 'actual_monthly_volume'],
  service: ['work_order_id', 'opened_at', 'promised_at', 'arrived_at', 'completed_at', 'fixed_first_time', 'parts_missing', 'technician', 'labor_hours', 'recommendation', 'reminded_recommendation_ids'],
  recommendations: ['recommendation_id', 'made_at', 'text', 'customer_acknowledged', 'decided_at'],
  surveys: ['response_id', 'responded_at', 'nps', 'csat', 'ces', 'comment'],
};

/** A survey question that asks the NPS question, in any of the languages met in exports. */
export const NPS_QUESTION = /likely.{0,40}recommend|recommend.{0,60}(friend|colleague)|weiterempfehlen|recommanderiez|recomendar/i;
