package io.supplyguard.customer;

/** Important-customer grade (重要客户: 特级, 一级, 二级, 临时); NONE for ordinary customers. */
public enum ImportanceGrade {
    NONE, SPECIAL, GRADE_1, GRADE_2, TEMPORARY;

    public boolean isImportant() {
        return this != NONE;
    }
}
