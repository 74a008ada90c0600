import { theme } from 'antd';
import type { HTMLAttributes } from 'react';

/**
 * Text and headings of the first screens (sign-in, layout, overview) in antd Typography's look.
 * Typography brings its copy, edit and ellipsis machinery (with TextArea and Tooltip) wherever it
 * is used; other pages use Typography.
 */
export function Muted({
  tone = 'secondary',
  style,
  ...rest
}: { tone?: 'secondary' | 'warning' } & HTMLAttributes<HTMLSpanElement>) {
  const { token } = theme.useToken();
  const color = tone === 'warning' ? token.colorWarningText : token.colorTextSecondary;
  return <span style={{ color, ...style }} {...rest} />;
}

/** The page's one h1, as Typography.Title level 1 draws it. */
export function Heading({ style, ...rest }: HTMLAttributes<HTMLHeadingElement>) {
  const { token } = theme.useToken();
  return (
    <h1
      style={{
        color: token.colorTextHeading,
        fontWeight: token.fontWeightStrong,
        fontSize: token.fontSizeHeading1,
        lineHeight: token.lineHeightHeading1,
        margin: 0,
        ...style,
      }}
      {...rest}
    />
  );
}
