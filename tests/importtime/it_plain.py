import it_dep
