import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BRIEF_STYLE, briefPageStyle, renderBriefBody } from '../../../review/brief-html';
import type { ReviewBrief } from '../../../shared/review-types';

// The brief shown in the app is the printed brief: the same markup and style as the PDF, inside a
// shadow root so its style and the app's never meet. The markup escapes every value it is given.

let briefSheet: CSSStyleSheet | null = null;

/** Built through the CSS object model, which the app's strict CSP allows (an inline <style> it would not). */
function sheet(): CSSStyleSheet {
  if (!briefSheet) {
    briefSheet = new CSSStyleSheet();
    briefSheet.replaceSync(BRIEF_STYLE);
  }
  return briefSheet;
}

export function BriefDocument({ brief }: { readonly brief: ReviewBrief }) {
  const host = useRef<HTMLDivElement>(null);
  const markup = useMemo(() => renderBriefBody(brief), [brief]);

  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet()];
    root.innerHTML = markup;
  }, [markup]);

  // The printed page (size, margins, the account and page number at its foot) while the brief is shown.
  const pageStyle = briefPageStyle(brief);
  useEffect(() => {
    const page = new CSSStyleSheet();
    page.replaceSync(pageStyle);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== page);
    };
  }, [pageStyle]);

  return <div ref={host} className="brief-host" data-testid="review-brief" />;
}
