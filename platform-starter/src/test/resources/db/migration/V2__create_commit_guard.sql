-- Lets a test make a transaction fail at commit, after the handler answered: a deferred constraint trigger
-- refuses things named "fails-at-commit..." only when the transaction commits.
create function thing_refused_at_commit() returns trigger language plpgsql as $$
begin
    if new.name like 'fails-at-commit%' then
        raise exception 'refused at commit';
    end if;
    return null;
end;
$$;

create constraint trigger thing_commit_guard
    after insert on thing deferrable initially deferred
    for each row execute function thing_refused_at_commit();
