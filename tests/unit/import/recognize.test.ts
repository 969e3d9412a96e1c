import { describe, expect, it } from 'vitest';
import { planColumns, MappingError } from '../../../src/import/recognize';
import type { Header } from '../../../src/import/header';
import type { FieldSource } from '../../../src/shared/import-types';

const header = (names: string[], labels = names, tool: Header['tool'] = null): Header => ({
  rowsUsed: 1,
  headerRowNumbers: [1],
  names,
  labels,
  tool,
});
const columnOf = (source: FieldSource | undefined) => (source?.type === 'column' ? source.header : source?.type);

describe('planColumns', () => {
  it('maps canonical names to themselves and tells the kind', () => {
    const plan = planColumns(header(['work_order_id', 'account_id', 'opened_at', 'technician']), {});
    expect(plan.kind).toBe('service');
    expect(plan.sources.get('technician')).toMatchObject({ type: 'column', column: 3, how: 'canonical' });
    expect(plan.sources.get('type')).toEqual({ type: 'default', value: 'other' });
  });

  it('recognises the headers people write', () => {
    const plan = planColumns(header(['Customer ID', 'Company Name', 'Industry', 'Account Manager', 'Renewal Date', 'ACV']), {});
    expect(plan.kind).toBe('accounts');
    expect(columnOf(plan.sources.get('account_id'))).toBe('Customer ID');
    expect(columnOf(plan.sources.get('name'))).toBe('Company Name');
    expect(columnOf(plan.sources.get('segment'))).toBe('Industry');
    expect(columnOf(plan.sources.get('owner'))).toBe('Account Manager');
    expect(columnOf(plan.sources.get('contract_renewal_date'))).toBe('Renewal Date');
    expect(columnOf(plan.sources.get('annual_value'))).toBe('ACV');
  });

  it('recognises a Salesforce WorkOrder export and reads its Id as the work order id', () => {
    const plan = planColumns(header(['Id', 'IsDeleted', 'WorkOrderNumber', 'CreatedDate', 'CreatedById', 'SystemModstamp', 'AccountId', 'AssetId', 'Status', 'EndDate']), {});
    expect(plan.kind).toBe('service');
    expect(plan.vendor?.profile.id).toBe('salesforce');
    expect(columnOf(plan.sources.get('work_order_id'))).toBe('Id');
    expect(columnOf(plan.sources.get('opened_at'))).toBe('CreatedDate');
    expect(columnOf(plan.sources.get('completed_at'))).toBe('EndDate');
  });

  it('refuses a Salesforce WorkOrderLineItem export with what to import instead', () => {
    expect(() => planColumns(header(['Id', 'IsDeleted', 'LineItemNumber', 'CreatedById', 'SystemModstamp', 'WorkOrderId', 'StartDate']), {})).toThrow(/WorkOrder export instead/);
  });

  it('recognises ServiceMax and Dynamics 365 work orders', () => {
    const svmx = planColumns(header(['Name', 'SVMXC__Company__c', 'SVMXC__Component__c', 'SVMXC__Order_Status__c', 'SVMXC__Order_Type__c', 'CreatedDate', 'SVMXC__Actual_Onsite_Response__c', 'SVMXC__Completed_Date_Time__c', 'SVMXC__Group_Member__c']), {});
    expect(svmx.kind).toBe('service');
    expect(svmx.vendor?.profile.id).toBe('servicemax');
    expect(columnOf(svmx.sources.get('work_order_id'))).toBe('Name');
    expect(columnOf(svmx.sources.get('account_id'))).toBe('SVMXC__Company__c');
    expect(columnOf(svmx.sources.get('arrived_at'))).toBe('SVMXC__Actual_Onsite_Response__c');
    const d365 = planColumns(header(['msdyn_name', 'msdyn_serviceaccount', 'msdyn_systemstatus', 'createdon', 'msdyn_firstarrivedon', 'msdyn_completedon', 'msdyn_timetopromised']), {});
    expect(d365.vendor?.profile.id).toBe('dynamics365');
    expect(columnOf(d365.sources.get('promised_at'))).toBe('msdyn_timetopromised');
  });

  it('finds the NPS question of a Qualtrics export by its _NPS_GROUP column', () => {
    const plan = planColumns(header(['ResponseId', 'RecordedDate', 'ExternalReference', 'Q7', 'Q7_NPS_GROUP', 'Q8'], undefined, 'qualtrics'), {});
    expect(plan.kind).toBe('surveys');
    expect(columnOf(plan.sources.get('nps'))).toBe('Q7');
    expect(columnOf(plan.sources.get('account_id'))).toBe('ExternalReference');
    expect(columnOf(plan.sources.get('responded_at'))).toBe('RecordedDate');
  });

  it('lets a mapping override recognition, ignore a column, and set a value for every row', () => {
    const plan = planColumns(header(['asset_number', 'manufacturer', 'size', 'satisfaction']), {
      kind: 'assets',
      columns: { model: 'size', vendor: null },
      constants: { account_id: 'ICE', vendor: 'Hoshizaki' },
    });
    expect(columnOf(plan.sources.get('asset_id'))).toBe('asset_number');
    expect(columnOf(plan.sources.get('model'))).toBe('size');
    expect(plan.sources.get('vendor')).toEqual({ type: 'constant', value: 'Hoshizaki' });
    expect(plan.sources.get('account_id')).toEqual({ type: 'constant', value: 'ICE' });
  });

  it('says which required column is missing and what it looked for', () => {
    expect(() => planColumns(header(['asset_number', 'manufacturer']), { kind: 'assets' })).toThrow(/required column account_id is missing for assets \(looked for headers like: account_id, accountid/);
  });

  it('refuses a mapping to a column the file lacks, naming the columns it has', () => {
    expect(() => planColumns(header(['a', 'b']), { kind: 'accounts', columns: { name: 'Nom' } })).toThrow(/does not have \(it has: a, b\)/);
  });

  it('says when nothing tells the kind', () => {
    expect(() => planColumns(header(['foo', 'bar']), {})).toThrow(MappingError);
  });
});
