/** Renders translated parts; data values (names, values from files) are marked data-i18n-exempt. */
import type { TextPart } from '../viewmodel/textParts.ts';

export function TextParts({ parts }: { parts: readonly TextPart[] }) {
  return <>{parts.map((p, i) => (p.data ? <span key={i} data-i18n-exempt="">{p.text}</span> : p.text))}</>;
}
