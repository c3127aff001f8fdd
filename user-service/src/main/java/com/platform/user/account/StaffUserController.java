package com.platform.user.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.user.registration.EmailAddress;
import com.platform.user.registration.PhoneNumber;

/**
 * Staff search and read accounts (U5): contacts masked for operators, risk officers and auditors, in full for
 * admins, and every unmasked read is in the audit trail (X2). A search by e-mail or phone goes through the blind
 * index, never a scan of decrypted values.
 */
@RestController
@PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor', 'admin')")
class StaffUserController {

    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    StaffUserController(UserAccounts accounts, AuditTrail audit, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping("/api/v1/users")
    PageResponse<UserView> search(@RequestParam(required = false) AccountStatus status,
            @RequestParam(required = false) VerificationLevel level, @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        UserAccounts.Search search = new UserAccounts.Search(status, level,
                email == null ? null : EmailAddress.parse(email).orElseThrow(() ->
                        PlatformException.invalidField("email", "is not a valid e-mail address")),
                phone == null ? null : PhoneNumber.parse(phone).orElseThrow(() ->
                        PlatformException.invalidField("phone", "is not a valid mobile number")));
        PageQuery query = PageQuery.of(page, size);
        List<UserAccount> found = accounts.search(search, query);
        if (unmasked()) {
            // which accounts were seen in full, and by which filters (their names only: the values are personal)
            List<String> filters = new ArrayList<>();
            if (email != null) {
                filters.add("email");
            }
            if (phone != null) {
                filters.add("phone");
            }
            transaction.executeWithoutResult(tx -> audit.record("users.read-unmasked", "user-search", "search",
                    null, Map.of("filters", filters, "userIds", found.stream().map(UserAccount::id).toList())));
        }
        return PageResponse.of(found.stream().map(view()).toList(), query, accounts.count(search));
    }

    @GetMapping("/api/v1/users/{id}")
    UserView read(@PathVariable UUID id) {
        UserAccount account = accounts.get(id);
        if (unmasked()) {
            transaction.executeWithoutResult(status -> audit.record("user.read-unmasked", "user", id.toString(),
                    null, null));
        }
        return view().apply(account);
    }

    private static boolean unmasked() {
        return CurrentCaller.get().hasRole("admin");
    }

    private static Function<UserAccount, UserView> view() {
        return unmasked() ? UserView::unmasked : UserView::masked;
    }
}
