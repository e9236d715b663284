package io.supplyguard.customer;

/** The formats the registry accepts, in one place so that messages and checks agree. */
public final class RegistryFormats {

    /** 客户编号: 10 digits. */
    public static final String CUSTOMER_NO = "^[0-9]{10}$";
    /** 表号 and 通信地址: 12 BCD digits each. */
    public static final String TWELVE_DIGITS = "^[0-9]{12}$";
    /** Mainland mobile (1[3-9] + 9 digits) or landline with area code (0xx(x)-xxxxxxx(x)). */
    public static final String PHONE = "^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[1-9][0-9]{6,7})$";
    public static final String DISTRICT = "^[A-Za-z0-9_-]{1,40}$";
    public static final String BUS_ID = "^[A-Za-z0-9_-]{1,40}$";
    public static final String PASSWORD_LEVEL = "^[0-9A-Fa-f]{2}$";
    public static final String PASSWORD = "^[0-9A-Fa-f]{6}$";
    public static final String OPERATOR_CODE = "^[0-9A-Fa-f]{8}$";

    private RegistryFormats() {
    }
}
