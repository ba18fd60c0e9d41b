// The audit log's action names (stable, English) and how they read in Chinese, for the CLI and the web page.

export const auditActionNames: Record<string, string> = {
  sign_in: '登录',
  sign_in_failed: '登录失败',
  sign_out: '退出登录',
  'user.create': '新增账号',
  'user.role': '修改角色或辖区',
  'user.delete': '删除账号',
  'password.change': '修改密码',
  'password.reset': '重设密码',
  'observation.save': '修改数据',
  'observation.submit': '提交数据',
  'observation.approve': '审核通过',
  'observation.publish': '发布数据',
  'observation.return': '退回数据',
  'observation.revise': '更正已发布数据',
  'period.publish': '发布期间',
  'target.set': '设定目标',
  'target.delete': '删除目标',
  import: '导入',
  backup: '备份',
  restore: '恢复',
  'setting.set': '修改设置',
  'group.set': '设定地区分组',
  'indicator.save': '保存指标',
  'region.add': '新增园区或开发区',
  'project.submit': '提交项目月报',
  'project.approve': '项目月报审核通过',
  'project.return': '退回项目月报',
};

/** The Chinese name of an action; an action this list does not know yet reads as itself. */
export const auditActionName = (action: string): string => auditActionNames[action] ?? action;
