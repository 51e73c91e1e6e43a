MATCH (d:Dismissal {id: $id})
RETURN d {.*, at: toString(d.at)} AS dismissal
