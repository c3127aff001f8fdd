package com.platform.user.rights;

import java.time.Clock;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.platform.user.account.CallerAccount;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserView;
import com.platform.user.text.PlainName;

/** U5, U7 for the caller's own account: profile (masked), correction, full export, closure. */
@RestController
@PreAuthorize("hasAnyRole('user', 'enterprise')")
class ProfileController {

    private final UserAccounts accounts;
    private final DataExport dataExport;
    private final AccountClosure closure;
    private final Clock clock;

    ProfileController(UserAccounts accounts, DataExport dataExport, AccountClosure closure, Clock clock) {
        this.accounts = accounts;
        this.dataExport = dataExport;
        this.closure = closure;
        this.clock = clock;
    }

    @GetMapping("/api/v1/users/me")
    UserView me() {
        return UserView.masked(accounts.get(CallerAccount.id()));
    }

    record ProfileChange(@PlainName String displayName) {
    }

    /** Contacts are not changed here: a new contact needs its own verification. */
    @PatchMapping("/api/v1/users/me")
    @Transactional
    UserView correct(@Valid @RequestBody ProfileChange change) {
        UserAccount account = accounts.get(CallerAccount.id());
        account.rename(change.displayName().strip(), clock.instant());
        accounts.update(account);
        return UserView.masked(account);
    }

    /** U7: everything held about the caller, unmasked (it is their own data). */
    @GetMapping("/api/v1/users/me/export")
    DataExport.Export export() {
        return dataExport.of(CallerAccount.id());
    }

    @DeleteMapping("/api/v1/users/me")
    ResponseEntity<Void> close() {
        closure.close(CallerAccount.id());
        return ResponseEntity.accepted().build();
    }

}
