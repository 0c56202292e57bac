import type { AGREEMENT_KINDS, MEMBERSHIP_ROLES, ORGANIZATION_KINDS, VISIBILITIES } from '../db/schema/core.ts';

/**
 * The demo: five cooperations described by the seed texts in ./seeds (the
 * news text becomes the agreement text; the hand annotation beside it gives
 * the clause tree, projects and targets). Units and users are plausible
 * stand-ins for each side's cooperation office and lead units.
 */

export interface DemoUnit {
  name: string;
  kind: (typeof ORGANIZATION_KINDS)[number];
  regionCode: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  unit: string;
  roles: { cooperation: string; party: string; role: (typeof MEMBERSHIP_ROLES)[number] }[];
}

interface DemoSubAgreement {
  title: string;
  kind: (typeof AGREEMENT_KINDS)[number];
}

export interface DemoCooperation {
  key: string;
  seed: string;
  /** Where the seed text was published, as the text itself names it; null when it does not. */
  source: string | null;
  name: string;
  summary: string;
  principles: string[];
  visibility: (typeof VISIBILITIES)[number];
  parties: { regionCode: string; coordinatingUnit: string | null }[];
  agreement: { title: string; signedOn: string | null; place: string | null; signatories: string[] };
  /** Heading for a flat list that the text gives no heading of its own. */
  defaultAreaTitle: string;
  subAgreements: DemoSubAgreement[];
}

export const DEMO_PASSWORD = 'liandong-demo';

export const DEMO_UNITS: DemoUnit[] = [
  { name: '青岛市人民政府', kind: 'government', regionCode: '370200' },
  { name: '青岛市发展和改革委员会', kind: 'department', regionCode: '370200' },
  { name: '青岛市科学技术局', kind: 'department', regionCode: '370200' },
  { name: '青岛市商务局', kind: 'department', regionCode: '370200' },
  { name: '青岛市文化和旅游局', kind: 'department', regionCode: '370200' },
  { name: '青岛市司法局', kind: 'department', regionCode: '370200' },
  ...['教育局', '工业和信息化局', '海洋发展局', '农业农村局', '地方金融监督管理局', '体育局', '交通运输局', '人力资源和社会保障局'].map((d) => ({
    name: `青岛市${d}`,
    kind: 'department' as const,
    regionCode: '370200',
  })),
  { name: '中日(青岛)地方发展合作示范区管理委员会', kind: 'park', regionCode: '370211' },
  { name: '深圳市人民政府', kind: 'government', regionCode: '440300' },
  { name: '深圳市发展和改革委员会', kind: 'department', regionCode: '440300' },
  { name: '深圳市科技创新局', kind: 'department', regionCode: '440300' },
  { name: '深圳市商务局', kind: 'department', regionCode: '440300' },
  { name: '深圳市文化广电旅游体育局', kind: 'department', regionCode: '440300' },
  ...['教育局', '工业和信息化局', '规划和自然资源局', '地方金融监督管理局', '交通运输局', '人力资源和社会保障局'].map((d) => ({
    name: `深圳市${d}`,
    kind: 'department' as const,
    regionCode: '440300',
  })),
  { name: '汕头市发展和改革局', kind: 'department', regionCode: '440500' },
  { name: '大连市发展和改革委员会', kind: 'department', regionCode: '210200' },
  { name: '烟台市发展和改革委员会', kind: 'department', regionCode: '370600' },
  { name: '烟台市司法局', kind: 'department', regionCode: '370600' },
  { name: '潍坊市司法局', kind: 'department', regionCode: '370700' },
  { name: '威海市司法局', kind: 'department', regionCode: '371000' },
  { name: '日照市司法局', kind: 'department', regionCode: '371100' },
  { name: '日本贸易振兴机构青岛代表处', kind: 'other', regionCode: 'JP' },
];

const QD_SZ = 'qd-sz';
const SZ_ST = 'sz-st';
const DL_YT = 'dl-yt';
const JIAODONG = 'jiaodong';
const CN_JP = 'cn-jp';

export const DEMO_COOPERATIONS: DemoCooperation[] = [
  {
    key: QD_SZ,
    seed: '000_486529034f761ae3',
    source: '青岛日报/观海新闻',
    name: '青岛—深圳跨区域合作',
    summary: '青岛市与深圳市战略合作：5个领域、16个重点方向先行先试，打造全国跨区域合作发展新样板。',
    principles: ['政府引导', '企业主体', '优势互补', '共赢发展'],
    visibility: 'public',
    parties: [
      { regionCode: '370200', coordinatingUnit: '青岛市发展和改革委员会' },
      { regionCode: '440300', coordinatingUnit: '深圳市发展和改革委员会' },
    ],
    agreement: { title: '青岛市人民政府 深圳市人民政府战略合作协议', signedOn: null, place: '深圳', signatories: ['青岛市人民政府', '深圳市人民政府'] },
    defaultAreaTitle: '合作领域',
    subAgreements: [],
  },
  {
    key: SZ_ST,
    seed: '002_299453d6107adc0b',
    source: '羊城晚报',
    name: '深圳—汕头深度协作',
    summary: '深圳市与汕头市深度协作：5个方面合作，做好产业对接招商、国企合作交流、平台区县对接、机制协调对接4件事。',
    principles: [],
    visibility: 'parties',
    parties: [
      { regionCode: '440300', coordinatingUnit: '深圳市发展和改革委员会' },
      { regionCode: '440500', coordinatingUnit: '汕头市发展和改革局' },
    ],
    agreement: { title: '深度协作框架协议', signedOn: '2021-01-08', place: '汕头', signatories: ['深圳市人民政府', '汕头市人民政府'] },
    defaultAreaTitle: '合作领域',
    subAgreements: [],
  },
  {
    key: DL_YT,
    seed: '003_e4a804d08c742fe8',
    source: null,
    name: '大连—烟台“双城联动”',
    summary: '大连市与烟台市“1+15”合作：1个框架协议和15个专项合作协议。',
    principles: [],
    visibility: 'parties',
    parties: [
      { regionCode: '210200', coordinatingUnit: '大连市发展和改革委员会' },
      { regionCode: '370600', coordinatingUnit: '烟台市发展和改革委员会' },
    ],
    agreement: {
      title: '大连市人民政府与烟台市人民政府“双城联动”合作框架协议',
      signedOn: null,
      place: '大连',
      signatories: ['大连市人民政府', '烟台市人民政府'],
    },
    defaultAreaTitle: '重点合作领域',
    subAgreements: [
      ...['社会信用', '现代渔业', '文化旅游', '政务服务', '经贸', '海事'].map((t) => ({ title: `${t}合作协议`, kind: 'departmental' as const })),
      ...['长岛与长海', '蓬莱与旅顺口', '黄渤海新区与金普新区'].map((t) => ({ title: `${t}合作协议`, kind: 'district' as const })),
      { title: '大连保税区与烟台保税区合作协议', kind: 'park' },
      ...['农业科学', '海运客运', '空中快线', '能源'].map((t) => ({ title: `${t}合作协议`, kind: 'enterprise' as const })),
      { title: '瓦房店轴承产业开发区与招远经济开发区合作协议', kind: 'park' },
    ],
  },
  {
    key: JIAODONG,
    seed: '001_029a01d599c14edf',
    source: null,
    name: '胶东五市法治一体化建设',
    summary: '青岛、烟台、潍坊、威海、日照五市法治一体化建设：重点做好六个方面工作。',
    principles: [],
    visibility: 'parties',
    parties: [
      { regionCode: '370200', coordinatingUnit: '青岛市司法局' },
      { regionCode: '370600', coordinatingUnit: '烟台市司法局' },
      { regionCode: '370700', coordinatingUnit: '潍坊市司法局' },
      { regionCode: '371000', coordinatingUnit: '威海市司法局' },
      { regionCode: '371100', coordinatingUnit: '日照市司法局' },
    ],
    agreement: { title: '胶东五市法治一体化建设战略合作协议', signedOn: null, place: '青岛', signatories: [] },
    defaultAreaTitle: '重点工作',
    subAgreements: [{ title: '胶东五市律师协会战略合作协议', kind: 'departmental' }],
  },
  {
    key: CN_JP,
    seed: '004_97a4b1e478b23a38',
    source: '青岛日报/观海新闻',
    name: '中日(青岛)地方发展合作示范区',
    summary: '中日(青岛)地方发展合作示范区建设：五大重点任务，2025年、2035年发展目标。',
    principles: [],
    visibility: 'public',
    parties: [
      { regionCode: '370200', coordinatingUnit: '中日(青岛)地方发展合作示范区管理委员会' },
      { regionCode: 'JP', coordinatingUnit: '日本贸易振兴机构青岛代表处' },
    ],
    agreement: { title: '中日(青岛)地方发展合作示范区建设总体方案', signedOn: null, place: null, signatories: [] },
    defaultAreaTitle: '重点任务',
    subAgreements: [],
  },
];

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'qd.fgw',
    displayName: '青岛市发改委协调办',
    unit: '青岛市发展和改革委员会',
    roles: [
      { cooperation: QD_SZ, party: '370200', role: 'coordinator' },
      { cooperation: JIAODONG, party: '370200', role: 'coordinator' },
      { cooperation: CN_JP, party: '370200', role: 'coordinator' },
    ],
  },
  {
    username: 'sz.fgw',
    displayName: '深圳市发改委协调办',
    unit: '深圳市发展和改革委员会',
    roles: [
      { cooperation: QD_SZ, party: '440300', role: 'coordinator' },
      { cooperation: SZ_ST, party: '440300', role: 'coordinator' },
    ],
  },
  { username: 'qd.kj', displayName: '青岛市科技局联络员', unit: '青岛市科学技术局', roles: [{ cooperation: QD_SZ, party: '370200', role: 'unit' }] },
  { username: 'sz.kj', displayName: '深圳市科技创新局联络员', unit: '深圳市科技创新局', roles: [{ cooperation: QD_SZ, party: '440300', role: 'unit' }] },
  { username: 'qd.leader', displayName: '青岛市分管副市长', unit: '青岛市人民政府', roles: [{ cooperation: QD_SZ, party: '370200', role: 'leader' }] },
  { username: 'st.fgw', displayName: '汕头市发改局协调办', unit: '汕头市发展和改革局', roles: [{ cooperation: SZ_ST, party: '440500', role: 'coordinator' }] },
  { username: 'dl.fgw', displayName: '大连市发改委协调办', unit: '大连市发展和改革委员会', roles: [{ cooperation: DL_YT, party: '210200', role: 'coordinator' }] },
  {
    username: 'yt.fgw',
    displayName: '烟台市发改委协调办',
    unit: '烟台市发展和改革委员会',
    roles: [
      { cooperation: DL_YT, party: '370600', role: 'coordinator' },
      { cooperation: JIAODONG, party: '370600', role: 'coordinator' },
    ],
  },
];
