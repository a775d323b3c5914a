-- A statement kept as a resource next to its package: :id is used twice and bound once.
select :id as a, :id as b
