import { useAppState } from '../../components/AppState';

export function ReviewView({ accountId }: { readonly accountId: string }) {
  useAppState('ready');
  return (
    <main aria-labelledby="view-title">
      <h1 id="view-title">Review brief {accountId}</h1>
    </main>
  );
}
