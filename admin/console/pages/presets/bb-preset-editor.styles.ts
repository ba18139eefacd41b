import { css } from 'lit';
import { formStyles } from '../settings/form.styles';

export const presetEditorStyles = [
  formStyles,
  css`
    .split {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 28px;
      align-items: start;
    }
    .preview {
      position: sticky;
      top: 16px;
    }
    /* Beside the preview each of the form's two columns is narrow: "About [10] minutes" wraps in
       its own column instead of running under the apology checkbox. */
    .inline {
      flex-wrap: wrap;
      min-width: 0;
    }
    .inline input {
      width: 5em;
    }
    .checks.sub {
      margin-top: 6px;
      padding-left: 26px;
    }
  `,
];
