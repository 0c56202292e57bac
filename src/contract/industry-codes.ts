/**
 * GB/T 4754-2017 《国民经济行业分类》: the 20 门类 (sections) with their 大类 (two-digit divisions) ranges, so a
 * project's industry is a code both sides count the same way. Plain data: the web imports it too.
 */
export interface IndustrySection {
  code: string;
  zh: string;
  en: string;
  /** The first and last 大类 of the section. */
  divisions: readonly [number, number];
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery', divisions: [1, 5] },
  { code: 'B', zh: '采矿业', en: 'Mining', divisions: [6, 12] },
  { code: 'C', zh: '制造业', en: 'Manufacturing', divisions: [13, 43] },
  { code: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water production and supply', divisions: [44, 46] },
  { code: 'E', zh: '建筑业', en: 'Construction', divisions: [47, 50] },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade', divisions: [51, 52] },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services', divisions: [53, 60] },
  { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering', divisions: [61, 62] },
  { code: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and information technology services', divisions: [63, 65] },
  { code: 'J', zh: '金融业', en: 'Finance', divisions: [66, 69] },
  { code: 'K', zh: '房地产业', en: 'Real estate', divisions: [70, 70] },
  { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services', divisions: [71, 72] },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services', divisions: [73, 75] },
  { code: 'N', zh: '水利、环境和公共设施管理业', en: 'Water conservancy, environment and public facilities management', divisions: [76, 79] },
  { code: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services', divisions: [80, 82] },
  { code: 'P', zh: '教育', en: 'Education', divisions: [83, 83] },
  { code: 'Q', zh: '卫生和社会工作', en: 'Health and social work', divisions: [84, 85] },
  { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment', divisions: [86, 90] },
  { code: 'S', zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organizations', divisions: [91, 96] },
  { code: 'T', zh: '国际组织', en: 'International organizations', divisions: [97, 97] },
];

export const INDUSTRY_CODES = INDUSTRY_SECTIONS.map((s) => s.code) as [string, ...string[]];

/** Whether a two-digit 大类 lies in the 门类 named. */
export function divisionInSection(section: string, division: string): boolean {
  const found = INDUSTRY_SECTIONS.find((s) => s.code === section);
  if (!found || !/^\d{2}$/.test(division)) return false;
  const n = Number(division);
  return n >= found.divisions[0] && n <= found.divisions[1];
}

/** A 大类 (two-digit division) of GB/T 4754-2017 with its name; its 门类 is the section whose range holds it. */
export interface IndustryDivision {
  code: string;
  zh: string;
  en: string;
}

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = [
  { code: '01', zh: '农业', en: 'Agriculture' },
  { code: '02', zh: '林业', en: 'Forestry' },
  { code: '03', zh: '畜牧业', en: 'Animal husbandry' },
  { code: '04', zh: '渔业', en: 'Fishery' },
  { code: '05', zh: '农、林、牧、渔专业及辅助性活动', en: 'Support activities for agriculture, forestry, animal husbandry and fishery' },
  { code: '06', zh: '煤炭开采和洗选业', en: 'Mining and washing of coal' },
  { code: '07', zh: '石油和天然气开采业', en: 'Extraction of petroleum and natural gas' },
  { code: '08', zh: '黑色金属矿采选业', en: 'Mining of ferrous metal ores' },
  { code: '09', zh: '有色金属矿采选业', en: 'Mining of non-ferrous metal ores' },
  { code: '10', zh: '非金属矿采选业', en: 'Mining of non-metallic minerals' },
  { code: '11', zh: '开采专业及辅助性活动', en: 'Support activities for mining' },
  { code: '12', zh: '其他采矿业', en: 'Other mining' },
  { code: '13', zh: '农副食品加工业', en: 'Processing of food from agricultural products' },
  { code: '14', zh: '食品制造业', en: 'Manufacture of foods' },
  { code: '15', zh: '酒、饮料和精制茶制造业', en: 'Manufacture of liquor, beverages and refined tea' },
  { code: '16', zh: '烟草制品业', en: 'Manufacture of tobacco' },
  { code: '17', zh: '纺织业', en: 'Manufacture of textiles' },
  { code: '18', zh: '纺织服装、服饰业', en: 'Manufacture of textile wearing apparel and clothing' },
  { code: '19', zh: '皮革、毛皮、羽毛及其制品和制鞋业', en: 'Manufacture of leather, fur, feather and related products and footwear' },
  { code: '20', zh: '木材加工和木、竹、藤、棕、草制品业', en: 'Processing of timber and manufacture of wood, bamboo, rattan, palm and straw products' },
  { code: '21', zh: '家具制造业', en: 'Manufacture of furniture' },
  { code: '22', zh: '造纸和纸制品业', en: 'Manufacture of paper and paper products' },
  { code: '23', zh: '印刷和记录媒介复制业', en: 'Printing and reproduction of recording media' },
  { code: '24', zh: '文教、工美、体育和娱乐用品制造业', en: 'Manufacture of articles for culture, education, arts and crafts, sport and entertainment' },
  { code: '25', zh: '石油、煤炭及其他燃料加工业', en: 'Processing of petroleum, coal and other fuels' },
  { code: '26', zh: '化学原料和化学制品制造业', en: 'Manufacture of raw chemical materials and chemical products' },
  { code: '27', zh: '医药制造业', en: 'Manufacture of medicines' },
  { code: '28', zh: '化学纤维制造业', en: 'Manufacture of chemical fibres' },
  { code: '29', zh: '橡胶和塑料制品业', en: 'Manufacture of rubber and plastic products' },
  { code: '30', zh: '非金属矿物制品业', en: 'Manufacture of non-metallic mineral products' },
  { code: '31', zh: '黑色金属冶炼和压延加工业', en: 'Smelting and pressing of ferrous metals' },
  { code: '32', zh: '有色金属冶炼和压延加工业', en: 'Smelting and pressing of non-ferrous metals' },
  { code: '33', zh: '金属制品业', en: 'Manufacture of metal products' },
  { code: '34', zh: '通用设备制造业', en: 'Manufacture of general purpose machinery' },
  { code: '35', zh: '专用设备制造业', en: 'Manufacture of special purpose machinery' },
  { code: '36', zh: '汽车制造业', en: 'Manufacture of motor vehicles' },
  { code: '37', zh: '铁路、船舶、航空航天和其他运输设备制造业', en: 'Manufacture of railway, ship, aerospace and other transport equipment' },
  { code: '38', zh: '电气机械和器材制造业', en: 'Manufacture of electrical machinery and apparatus' },
  { code: '39', zh: '计算机、通信和其他电子设备制造业', en: 'Manufacture of computers, communication and other electronic equipment' },
  { code: '40', zh: '仪器仪表制造业', en: 'Manufacture of measuring instruments and meters' },
  { code: '41', zh: '其他制造业', en: 'Other manufacturing' },
  { code: '42', zh: '废弃资源综合利用业', en: 'Utilization of waste resources' },
  { code: '43', zh: '金属制品、机械和设备修理业', en: 'Repair of metal products, machinery and equipment' },
  { code: '44', zh: '电力、热力生产和供应业', en: 'Production and supply of electricity and heat' },
  { code: '45', zh: '燃气生产和供应业', en: 'Production and supply of gas' },
  { code: '46', zh: '水的生产和供应业', en: 'Production and supply of water' },
  { code: '47', zh: '房屋建筑业', en: 'Construction of buildings' },
  { code: '48', zh: '土木工程建筑业', en: 'Civil engineering' },
  { code: '49', zh: '建筑安装业', en: 'Construction installation' },
  { code: '50', zh: '建筑装饰、装修和其他建筑业', en: 'Building decoration, renovation and other construction' },
  { code: '51', zh: '批发业', en: 'Wholesale trade' },
  { code: '52', zh: '零售业', en: 'Retail trade' },
  { code: '53', zh: '铁路运输业', en: 'Rail transport' },
  { code: '54', zh: '道路运输业', en: 'Road transport' },
  { code: '55', zh: '水上运输业', en: 'Water transport' },
  { code: '56', zh: '航空运输业', en: 'Air transport' },
  { code: '57', zh: '管道运输业', en: 'Pipeline transport' },
  { code: '58', zh: '多式联运和运输代理业', en: 'Multimodal transport and transport agency' },
  { code: '59', zh: '装卸搬运和仓储业', en: 'Cargo handling and warehousing' },
  { code: '60', zh: '邮政业', en: 'Postal services' },
  { code: '61', zh: '住宿业', en: 'Accommodation' },
  { code: '62', zh: '餐饮业', en: 'Catering' },
  { code: '63', zh: '电信、广播电视和卫星传输服务', en: 'Telecommunications, broadcasting and satellite transmission services' },
  { code: '64', zh: '互联网和相关服务', en: 'Internet and related services' },
  { code: '65', zh: '软件和信息技术服务业', en: 'Software and information technology services' },
  { code: '66', zh: '货币金融服务', en: 'Monetary and financial services' },
  { code: '67', zh: '资本市场服务', en: 'Capital market services' },
  { code: '68', zh: '保险业', en: 'Insurance' },
  { code: '69', zh: '其他金融业', en: 'Other financial services' },
  { code: '70', zh: '房地产业', en: 'Real estate' },
  { code: '71', zh: '租赁业', en: 'Leasing' },
  { code: '72', zh: '商务服务业', en: 'Business services' },
  { code: '73', zh: '研究和试验发展', en: 'Research and experimental development' },
  { code: '74', zh: '专业技术服务业', en: 'Professional technical services' },
  { code: '75', zh: '科技推广和应用服务业', en: 'Technology promotion and application services' },
  { code: '76', zh: '水利管理业', en: 'Water conservancy management' },
  { code: '77', zh: '生态保护和环境治理业', en: 'Ecological protection and environmental management' },
  { code: '78', zh: '公共设施管理业', en: 'Public facilities management' },
  { code: '79', zh: '土地管理业', en: 'Land management' },
  { code: '80', zh: '居民服务业', en: 'Resident services' },
  { code: '81', zh: '机动车、电子产品和日用产品修理业', en: 'Repair of motor vehicles, electronic and household products' },
  { code: '82', zh: '其他服务业', en: 'Other services' },
  { code: '83', zh: '教育', en: 'Education' },
  { code: '84', zh: '卫生', en: 'Health' },
  { code: '85', zh: '社会工作', en: 'Social work' },
  { code: '86', zh: '新闻和出版业', en: 'News and publishing' },
  { code: '87', zh: '广播、电视、电影和录音制作业', en: 'Radio, television, film and sound recording' },
  { code: '88', zh: '文化艺术业', en: 'Culture and arts' },
  { code: '89', zh: '体育', en: 'Sports' },
  { code: '90', zh: '娱乐业', en: 'Entertainment' },
  { code: '91', zh: '中国共产党机关', en: 'Organs of the Communist Party of China' },
  { code: '92', zh: '国家机构', en: 'State organs' },
  { code: '93', zh: '人民政协、民主党派', en: 'CPPCC and democratic parties' },
  { code: '94', zh: '社会保障', en: 'Social security' },
  { code: '95', zh: '群众团体、社会团体和其他成员组织', en: 'Mass organizations, social organizations and other membership organizations' },
  { code: '96', zh: '基层群众自治组织及其他组织', en: 'Grassroots self-governing organizations and other organizations' },
  { code: '97', zh: '国际组织', en: 'International organizations' },
];

/** The 大类 of a 门类, in order. */
export const divisionsOf = (section: string): readonly IndustryDivision[] => INDUSTRY_DIVISIONS.filter((d) => divisionInSection(section, d.code));
