import type { ThemeConfig } from 'antd';

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

/** A sober work-tool look: one institutional blue, square-ish corners, tight rows. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e8c',
    colorLink: '#1f4e8c',
    borderRadius: 4,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    // antd derives the selection colour from the primary one; for this dark blue that comes out grey.
    controlItemBgActive: '#e1ebf7',
    controlItemBgActiveHover: '#d3e2f4',
    // antd's grey for secondary text (breadcrumbs, captions, statistic titles) is below 4.5:1 on the page's grey; this is not.
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  },
  components: {
    Layout: {
      headerBg: '#15365f',
      headerHeight: 52,
      headerPadding: '0 20px',
      siderBg: '#ffffff',
      bodyBg: '#f2f4f7',
    },
    Table: {
      headerBg: '#f5f7fa',
      cellPaddingBlockSM: 6,
    },
    Card: {
      headerFontSize: 15,
    },
  },
};
