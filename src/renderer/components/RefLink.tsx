import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { refPath, REF_NOUN } from '../app/paths';

type Ref = { readonly type: string; readonly id: string };

/** "work order WO-881": the record behind a number, in the users' words. */
export function refLabel(ref: Ref): string {
  return ref.type === 'account' ? 'the account' : `${REF_NOUN[ref.type] ?? 'record'} ${ref.id}`;
}

/** A link to the account page's tab and record behind a driver or an alert. */
export function RefLink({ accountId, evidence, children, className }: { readonly accountId: string; readonly evidence: Ref; readonly children?: ReactNode; readonly className?: string }) {
  return (
    <Link href={refPath(accountId, evidence)} className={className} title={`Open the ${refLabel(evidence)}`}>
      {children ?? refLabel(evidence)}
    </Link>
  );
}
