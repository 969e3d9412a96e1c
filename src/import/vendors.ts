import type { Kind } from '../shared/kinds';

// Exports of the field-service and survey tools our users live in, recognised by their headers.
// Header names are folded with compactHeader ("SVMXC__Company__c" → "svmxccompanyc").

export type VendorId = 'salesforce' | 'servicemax' | 'dynamics365' | 'qualtrics' | 'surveymonkey';

/** Turns a vendor's own spelling of a value into ours before the field reads it. */
export type ValueTransform = 'competitor_flag';

export interface VendorObject {
  /** null: a file of this tool we recognise but do not import (the message says what to use). */
  readonly kind: Kind | null;
  readonly label: string;
  /** Every one of these headers is present. */
  readonly signature: readonly string[];
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly transforms?: Readonly<Record<string, ValueTransform>>;
  readonly refusal?: string;
}

export interface VendorProfile {
  readonly id: VendorId;
  readonly label: string;
  detect(headers: ReadonlySet<string>, tool: HeaderTool): boolean;
  readonly objects: readonly VendorObject[];
}

/** What the header rows themselves said about the tool that wrote the file. */
export type HeaderTool = 'qualtrics' | 'qualtrics_legacy' | 'surveymonkey' | null;

const startsWith = (headers: ReadonlySet<string>, prefix: string): boolean => {
  for (const h of headers) if (h.startsWith(prefix)) return true;
  return false;
};

export const VENDORS: readonly VendorProfile[] = [
  {
    id: 'salesforce',
    label: 'Salesforce Field Service',
    detect: (h) => h.has('systemmodstamp') || (h.has('id') && h.has('isdeleted') && h.has('createdbyid')),
    objects: [
      {
        kind: null,
        label: 'WorkOrderLineItem',
        signature: ['lineitemnumber', 'workorderid'],
        fields: {},
        refusal: 'This is a Salesforce WorkOrderLineItem export (the lines of work orders, not visits). Import the WorkOrder export instead.',
      },
      {
        kind: 'service',
        label: 'WorkOrder',
        signature: ['workordernumber'],
        fields: {
          work_order_id: ['id'],
          account_id: ['accountid'],
          asset_id: ['assetid'],
          site: ['locationid'],
          opened_at: ['createddate'],
          promised_at: ['slaexitdate'],
          completed_at: ['enddate'],
          status: ['status'],
          notes: ['description', 'subject'],
        },
      },
      {
        kind: 'assets',
        label: 'Asset',
        signature: ['iscompetitorproduct'],
        fields: {
          asset_id: ['id'],
          account_id: ['accountid'],
          model: ['name'],
          site: ['locationid'],
          quantity: ['quantity'],
          serviced_by: ['iscompetitorproduct'],
          install_date: ['installdate'],
          warranty_end: ['usageenddate'],
        },
        transforms: { serviced_by: 'competitor_flag' },
      },
      {
        kind: 'accounts',
        label: 'Account',
        signature: ['name', 'billingcountry'],
        fields: {
          account_id: ['id'],
          name: ['name'],
          segment: ['industry', 'type'],
          region: ['billingcountry', 'billingstate'],
          owner: ['ownerid'],
          annual_value: ['annualrevenue'],
        },
      },
    ],
  },
  {
    id: 'servicemax',
    label: 'ServiceMax',
    detect: (h) => startsWith(h, 'svmxc'),
    objects: [
      {
        kind: 'service',
        label: 'Work Order (SVMXC__Service_Order__c)',
        signature: ['svmxcorderstatusc'],
        fields: {
          work_order_id: ['name', 'id'],
          account_id: ['svmxccompanyc'],
          asset_id: ['svmxccomponentc'],
          site: ['svmxcsitec'],
          type: ['svmxcordertypec', 'svmxcbillingtypec'],
          opened_at: ['svmxcopenedonc', 'createddate'],
          promised_at: ['svmxconsiteresponsecustomerbyc', 'svmxcscheduleddatetimec'],
          arrived_at: ['svmxcactualonsiteresponsec'],
          completed_at: ['svmxccompleteddatetimec', 'svmxcclosedonc', 'svmxcactualresolutionc'],
          status: ['svmxcorderstatusc'],
          technician: ['svmxcgroupmemberc', 'svmxcpreferredtechnicianc'],
          notes: ['svmxcproblemdescriptionc', 'svmxcworkperformedc'],
        },
      },
      {
        kind: 'assets',
        label: 'Installed Product (SVMXC__Installed_Product__c)',
        signature: ['svmxccompanyc', 'svmxcproductc'],
        fields: {
          asset_id: ['svmxcseriallotnumberc', 'name', 'id'],
          account_id: ['svmxccompanyc'],
          site: ['svmxcsitec'],
          model: ['svmxcproductnamec', 'svmxcproductc'],
          vendor: ['svmxcmanufacturerc', 'svmxcvendorc'],
          install_date: ['svmxcdateinstalledc'],
          warranty_end: ['svmxcwarrantyenddatec', 'svmxcwarrantyexpirationdatec'],
          quantity: ['svmxcquantityc'],
        },
      },
    ],
  },
  {
    id: 'dynamics365',
    label: 'Dynamics 365 Field Service',
    detect: (h) => startsWith(h, 'msdyn'),
    objects: [
      {
        kind: 'service',
        label: 'Work Order (msdyn_workorder)',
        signature: ['msdynsystemstatus'],
        fields: {
          work_order_id: ['msdynname', 'msdynworkorderid'],
          account_id: ['msdynserviceaccount', 'msdynbillingaccount'],
          asset_id: ['msdyncustomerasset'],
          site: ['msdynfunctionallocation', 'msdynaddressname'],
          type: ['msdynworkordertype', 'msdynprimaryincidenttype'],
          opened_at: ['createdon', 'msdyndatewindowstart'],
          promised_at: ['msdyntimetopromised', 'msdyndatewindowend'],
          arrived_at: ['msdynfirstarrivedon'],
          completed_at: ['msdyncompletedon', 'msdyntimeclosed'],
          status: ['msdynsystemstatus'],
          technician: ['msdynpreferredresource'],
          notes: ['msdynworkordersummary', 'msdyninstructions'],
        },
      },
      {
        kind: 'assets',
        label: 'Customer Asset (msdyn_customerasset)',
        signature: ['msdynaccount', 'msdynproduct'],
        fields: {
          asset_id: ['msdyncustomerassetid', 'msdynassettag', 'msdynname'],
          account_id: ['msdynaccount'],
          model: ['msdynproduct'],
          site: ['msdynfunctionallocation'],
          category: ['msdyncustomerassetcategory'],
          vendor: ['msdynmanufacturer'],
        },
      },
    ],
  },
  {
    id: 'qualtrics',
    label: 'Qualtrics',
    detect: (h, tool) => tool === 'qualtrics' || tool === 'qualtrics_legacy' || (h.has('responseid') && h.has('recordeddate')),
    objects: [
      {
        kind: 'surveys',
        label: 'survey responses',
        signature: ['responseid'],
        fields: {
          response_id: ['responseid'],
          responded_at: ['recordeddate', 'enddate'],
          account_id: ['accountid', 'externalreference', 'externaldatareference'],
          contact: ['recipientemail', 'emailaddress'],
        },
      },
    ],
  },
  {
    id: 'surveymonkey',
    label: 'SurveyMonkey',
    detect: (h, tool) => tool === 'surveymonkey' || (h.has('respondentid') && h.has('collectorid')),
    objects: [
      {
        kind: 'surveys',
        label: 'survey responses',
        signature: ['respondentid'],
        fields: {
          response_id: ['respondentid'],
          responded_at: ['enddate', 'datemodified', 'startdate'],
          contact: ['emailaddress'],
          account_id: ['accountid', 'customdata1', 'customdata'],
        },
      },
    ],
  },
];
