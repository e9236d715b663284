package io.supplyguard.customer;

/** No customer with this customer number is registered. */
public class CustomerNotFoundException extends RuntimeException {

    private final String customerNo;

    public CustomerNotFoundException(String customerNo) {
        super("customer " + customerNo + " is not registered");
        this.customerNo = customerNo;
    }

    public String customerNo() {
        return customerNo;
    }
}
