package io.supplyguard.disconnection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a printed notice says about the company and how to pay ({@code supplyguard.notice.*}).
 *
 * @param company     the supply company that issues the notice
 * @param payment     how to pay
 * @param paymentPlace where to pay in person
 */
@ConfigurationProperties("supplyguard.notice")
public record NoticeProperties(String company, String payment, String paymentPlace) {

    public NoticeProperties {
        company = blankTo(company, "国网供电公司");
        payment = blankTo(payment, "网上国网App、微信或支付宝生活缴费、银行代收");
        paymentPlace = blankTo(paymentPlace, "就近供电营业厅");
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
