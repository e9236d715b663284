package io.supplyguard.account;

/** Where a payment was made (缴费渠道). */
public enum PaymentChannel {
    /** 营业厅柜台 */
    COUNTER,
    /** 网上国网 App */
    STATE_GRID_APP,
    WECHAT,
    ALIPAY,
    /** 银行代收 */
    BANK,
    /** 自助缴费终端 */
    SELF_SERVICE_TERMINAL
}
