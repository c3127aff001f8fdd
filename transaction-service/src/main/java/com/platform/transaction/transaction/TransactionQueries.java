package com.platform.transaction.transaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.security.CurrentCaller;

/**
 * T8: lists scoped to the caller. Staff filter freely; a payer's list is always its own and a partner's always its
 * own, whatever filters they send (a filter for someone else's id finds nothing).
 */
@Component
class TransactionQueries {

    private final Transactions transactions;

    TransactionQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    @Transactional(readOnly = true)
    PageResponse<Transaction> list(CurrentCaller caller, TransactionStatus status, TransactionType type,
            UUID partnerId, String payerId, Instant from, Instant to, PageQuery page) {
        String scopedPayer = payerId;
        UUID scopedPartner = partnerId;
        if (!Access.isStaff(caller)) {
            if (caller.hasAnyRole("user", "enterprise")) {
                if (payerId != null && !payerId.equals(caller.subject())) {
                    return PageResponse.of(List.of(), page, 0);
                }
                scopedPayer = caller.subject();
            }
            else {
                UUID own = Access.partnerIdOf(caller);
                if (own == null || (partnerId != null && !partnerId.equals(own))) {
                    return PageResponse.of(List.of(), page, 0);
                }
                scopedPartner = own;
            }
        }
        Transactions.Page found = transactions.search(new Transactions.Filter(scopedPayer, scopedPartner, status, type,
                from, to), (int) page.offset(), page.size());
        return PageResponse.of(found.items(), page, found.total());
    }

    @Transactional(readOnly = true)
    List<Transaction.Transition> history(UUID id) {
        return transactions.transitions(id);
    }
}
