import { describe, expect, it } from 'vitest';
import { ingest } from './index.ts';

const projectsOf = (text: string) => ingest(`两市合作\n\n${text}`).projects;

describe('project extractor', () => {
  it('reads named projects created by the cooperation', () => {
    expect(projectsOf('两市将共建杭绍临空经济一体化发展示范区，联合打造长三角数字经济创新中心。')).toEqual([
      '杭绍临空经济一体化发展示范区',
      '长三角数字经济创新中心',
    ]);
  });

  it('reads projects reaching a stage', () => {
    expect(projectsOf('签约当天，沪苏湖高铁南浔段正式开工，嘉兴科技城上海创新中心揭牌。')).toEqual(['沪苏湖高铁', '嘉兴科技城上海创新中心']);
  });

  it('reads quoted platforms where something is set up', () => {
    expect(projectsOf('双方将建立“川渝科技资源共享服务平台”，实现仪器设备共享。')).toEqual(['川渝科技资源共享服务平台']);
  });

  it('reads a list of signed projects', () => {
    expect(projectsOf('会上，宁德时代电池回收项目、福耀玻璃配套产业园、华为云计算中心等重大项目集中签约。')).toEqual([
      '宁德时代电池回收项目',
      '福耀玻璃配套产业园',
      '华为云计算中心',
    ]);
  });

  it('reads the projects a colon list names', () => {
    expect(projectsOf('此次签约的项目分别是：智能电网装备产业园、绿色建材生产线、冷链物流中心等。')).toEqual([
      '智能电网装备产业园',
      '绿色建材生产线',
      '冷链物流中心',
    ]);
  });

  it('leaves out generic names', () => {
    expect(projectsOf('支持企业设立研发中心，搭建科技创新合作平台。')).toEqual([]);
  });

  it('reads parks called 合作园 and stations set up in the partner city', () => {
    expect(projectsOf('两区共建滨江—安顺产业合作园，在滨江区设立安顺市驻杭州劳务工作站。')).toEqual(['滨江—安顺产业合作园', '安顺市驻杭州劳务工作站']);
  });

  it('reads a project, even one called 项目, when it reaches a stage', () => {
    expect(projectsOf('投资2亿元的黔西县茶叶精深加工项目一期建成投产，遵义技术交易平台正式上线。')).toEqual([
      '黔西县茶叶精深加工项目',
      '遵义技术交易平台',
    ]);
  });

  it('does not take a list closed by 等 for a project name', () => {
    expect(projectsOf('甲公司研究院等领军项目相继开工。')).toEqual([]);
  });

  it('reads every name a creating verb joins with 和', () => {
    expect(projectsOf('两省共建西部金融法律服务中心和成渝金融科技协同创新中心。')).toEqual(['西部金融法律服务中心', '成渝金融科技协同创新中心']);
  });

  it('takes a short name that opens with the parties\' one-character names as specific', () => {
    const projects = ingest('宁合签署合作协议\n\n南京市与合肥市签署合作协议，两市将共建宁合产业合作园，并建设产业合作园。').projects;
    expect(projects).toEqual(['宁合产业合作园']);
  });

  it('reads a name that opens with a quoted brand, and parks called 协作园', () => {
    expect(projectsOf('双方搭建“闽宁山海情”产销对接平台，共建福州—定西产业协作园。')).toEqual(['“闽宁山海情”产销对接平台', '福州—定西产业协作园']);
  });
});

describe('project extractor: lists', () => {
  const projectsOf = (text: string) => ingest(`两地合作\n\n${text}`).projects;

  it('reads the projects a colon list or a counted closer names', () => {
    expect(projectsOf('这次签下的项目包括：西秀健康生态产业园、环保装备基地、禾软科技园。')).toEqual(['西秀健康生态产业园', '环保装备基地', '禾软科技园']);
    expect(projectsOf('各新区与企业签署项目合作协议，涉及中交四航局西南区域总部、华润江中现代中药生产基地等8个项目。')).toEqual([
      '中交四航局西南区域总部',
      '华润江中现代中药生产基地',
    ]);
  });

  it('reads a list of things to be built as projects, whatever closes it', () => {
    expect(projectsOf('双方力争在建设闽台观光农业园、茶旅文化综合体、农产品出口区等方面见到成效。')).toEqual(['闽台观光农业园', '茶旅文化综合体', '农产品出口区']);
  });

  it('does not take a year’s projects for one project', () => {
    expect(projectsOf('3月20日，2022年浙江援疆项目集中开工。')).toEqual([]);
  });
});
