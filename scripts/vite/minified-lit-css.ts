import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

/** A Lit `css` tagged template with no interpolation and no escape. */
const CSS_LITERAL = /\bcss`([^`$\\]*)`/g;

/**
 * Minifies the CSS of the components' `css` templates (Lit keeps them as written: comments,
 * indentation and all), with Lightning CSS — what Vite itself minifies stylesheets with. Only
 * plain templates are touched; one with `${…}` or a backslash is left as it is.
 */
export function minifiedLitCss(): Plugin {
  return {
    name: 'branchboard:minified-lit-css',
    transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('node_modules') || !code.includes('css`')) return null;
      let changed = false;
      const out = code.replace(CSS_LITERAL, (whole, body: string) => {
        const { code: min } = transform({ filename: id, code: Buffer.from(body), minify: true });
        const text = min.toString().replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
        changed = true;
        return `css\`${text}\``;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
