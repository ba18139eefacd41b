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
    .checks.sub {
      margin-top: 6px;
      padding-left: 26px;
    }
  `,
];
