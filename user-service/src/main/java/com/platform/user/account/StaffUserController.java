package com.platform.user.account;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.user.registration.EmailAddress;
import com.platform.user.registration.PhoneNumber;

/**
 * Staff search and read accounts (U5): contacts masked for operators, risk officers and auditors, in full for
 * admins. A search by e-mail or phone goes through the blind index, never a scan of decrypted values.
 */
@RestController
@PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor', 'admin')")
class StaffUserController {

    private final UserAccounts accounts;

    StaffUserController(UserAccounts accounts) {
        this.accounts = accounts;
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
        return PageResponse.of(accounts.search(search, query).stream().map(view()).toList(), query,
                accounts.count(search));
    }

    @GetMapping("/api/v1/users/{id}")
    UserView read(@PathVariable UUID id) {
        return view().apply(accounts.get(id));
    }

    private static Function<UserAccount, UserView> view() {
        return CurrentCaller.get().hasRole("admin") ? UserView::unmasked : UserView::masked;
    }
}
