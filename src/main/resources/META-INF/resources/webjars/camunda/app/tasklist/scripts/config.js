// SupplyGuard override of the shipped scripts/config.js of Camunda Tasklist 7.24.
import { webappConfig } from '../../supplyguard-webapps.js';

export default {
  ...webappConfig('待办任务'),
  // comments written in Tasklist show in Cockpit's process instance history too
  assignProcessInstanceIdToTaskComment: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '焦点移到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
