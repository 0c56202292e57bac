import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** Which draft item the person points at on the right; `serial` grows on every pointing so the same item flashes again. */
export interface TextFocus {
  key: string;
  serial: number;
}

export interface LocateProps {
  'data-draft-key': string;
  onMouseEnter: () => void;
  onMouseLeave: () => void;
  onClick: () => void;
}

interface TextFocusApi {
  focus: TextFocus | null;
  locate: (key: string) => void;
  /** Props for the element that stands for a draft item: hovering or clicking it shows the item in the text. */
  locateProps: (key: string) => LocateProps;
}

/** A pointer crossing the form on its way elsewhere should not drag the text along with it. */
const HOVER_DELAY_MS = 180;

const TextFocusContext = createContext<TextFocusApi | null>(null);

export function TextFocusProvider({ children }: { children: ReactNode }) {
  const [focus, setFocus] = useState<TextFocus | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  }, []);
  useEffect(() => cancel, [cancel]);

  const locate = useCallback(
    (key: string) => {
      cancel();
      setFocus((previous) => ({ key, serial: (previous?.serial ?? 0) + 1 }));
    },
    [cancel],
  );

  const locateProps = useCallback(
    (key: string): LocateProps => ({
      'data-draft-key': key,
      onMouseEnter: () => {
        cancel();
        timer.current = window.setTimeout(() => setFocus((previous) => (previous?.key === key ? previous : { key, serial: (previous?.serial ?? 0) + 1 })), HOVER_DELAY_MS);
      },
      onMouseLeave: cancel,
      onClick: () => locate(key),
    }),
    [cancel, locate],
  );

  const value = useMemo(() => ({ focus, locate, locateProps }), [focus, locate, locateProps]);
  return <TextFocusContext value={value}>{children}</TextFocusContext>;
}

export function useTextFocus(): TextFocusApi {
  const value = use(TextFocusContext);
  if (!value) throw new Error('useTextFocus must be used inside <TextFocusProvider>');
  return value;
}
