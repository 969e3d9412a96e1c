import { BAND_LABEL, SATISFACTION_COLOUR_BAND, SATISFACTION_LABEL, satisfactionLevel, type Band } from '../../shared/scoring-types';
import { formatScore } from './format';

/** A band always shows its name beside its colour. */
export function BandChip({ band }: { readonly band: Band | null }) {
  if (!band) return <span className="chip muted">No score</span>;
  return <span className={`chip band-${band}`}>{BAND_LABEL[band]}</span>;
}

/** A loyalty score with its band, in words and colour; its confidence when it is low. */
export function LoyaltyScore({ loyalty, band, confidence }: { readonly loyalty: number | null; readonly band: Band | null; readonly confidence?: number | null }) {
  const low = confidence !== undefined && confidence !== null && confidence < 0.5;
  return (
    <span className="score">
      <span className={`score-value ${band ? `band-text-${band}` : ''}`}>{formatScore(loyalty)}</span>
      <BandChip band={band} />
      {low && (
        <span className="chip muted" title={`Confidence ${Math.round(confidence * 100)} %: little or old evidence`}>
          low confidence
        </span>
      )}
    </span>
  );
}

export function SatisfactionScore({ satisfaction }: { readonly satisfaction: number | null }) {
  if (satisfaction === null) return <SatisfactionFigures satisfaction={null} />;
  return (
    <span className="score">
      <SatisfactionFigures satisfaction={satisfaction} />
    </span>
  );
}

/** A satisfaction score and its level's chip, for a container that lays them out side by side (`score-cell`). */
export function SatisfactionFigures({ satisfaction }: { readonly satisfaction: number | null }) {
  if (satisfaction === null) return <span className="muted-text">No surveys</span>;
  const level = satisfactionLevel(satisfaction);
  return (
    <>
      <span className={`score-value band-text-${SATISFACTION_COLOUR_BAND[level]}`}>{formatScore(satisfaction)}</span>
      <span className={`chip band-${SATISFACTION_COLOUR_BAND[level]}`}>{SATISFACTION_LABEL[level]}</span>
    </>
  );
}
